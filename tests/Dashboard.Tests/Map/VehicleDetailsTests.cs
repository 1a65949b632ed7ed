using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telematics.Dashboard.Accounts;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Map;

public sealed class VehicleDetailsTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    private const string Device = "356307040000107";

    [Fact]
    public async Task The_panel_shows_the_vehicle_its_driving_today_and_its_open_cases_only()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);
        var now = DateTime.UtcNow;
        // Five minutes at 60 km/h, a point every 10 s northwards (166.7 m apart).
        var start = now.AddMinutes(-5);
        for (var i = 0; i <= 30; i++)
        {
            await fixture.Pipeline.EnqueueAsync(MapFixture.Position(Device, start.AddSeconds(10 * i), 21.80 + (i * 0.0014975), 106.75, 60, 0));
        }

        var open = MapFixture.Case(CaseKinds.Speeding, Device, "12C-101.07", now.AddHours(-1));
        var inReview = MapFixture.Case(CaseKinds.RouteDeviation, Device, "12C-101.07", now.AddHours(-3));
        var dismissed = MapFixture.Case(CaseKinds.CorridorStop, Device, "12C-101.07", now.AddHours(-2));
        foreach (var c in new[] { open, inReview, dismissed })
        {
            await fixture.Factory.Cases.AddAsync(c, now);
        }

        await fixture.Factory.Cases.SetStatusAsync(inReview.CaseId, CaseStatus.InReview, "officer-lan", null, now);
        await fixture.Factory.Cases.SetStatusAsync(dismissed.CaseId, CaseStatus.Dismissed, "officer-lan", "xe hỏng", now);

        var details = await MapFixture.EventuallyAsync(
            async () =>
            {
                var response = await client.GetAsync($"/map/vehicles/{Device}");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return (false, default(JsonElement));
                }

                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (json.GetProperty("time").GetDateTime() == start.AddSeconds(300), json);
            },
            "the vehicle's last position");

        Assert.Equal("12C-101.07", details.GetProperty("plate").GetString());
        Assert.Equal("HTX Vận tải Đồng Đăng", details.GetProperty("operator").GetString());
        Assert.Equal("GPLX-200107", details.GetProperty("driver").GetString());
        Assert.Equal("truck", details.GetProperty("vehicleClass").GetString());
        Assert.Equal(60, details.GetProperty("speedKmh").GetDouble());
        Assert.Equal("violation", details.GetProperty("state").GetString());
        // All five minutes were driven, unless local midnight fell inside them (the day starts anew).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var midnight = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date, zone);
        var expected = (start.AddSeconds(300) - (midnight > start ? midnight : start)).TotalSeconds;
        Assert.Equal(expected, details.GetProperty("drivingTodayS").GetDouble(), 3);
        var cases = details.GetProperty("openCases").EnumerateArray().ToList();
        Assert.Equal([open.CaseId, inReview.CaseId], cases.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["open", "in-review"], cases.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal("/cases/" + Uri.EscapeDataString(open.CaseId), cases[0].GetProperty("url").GetString());
        Assert.Equal("speeding", cases[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_unknown_vehicle_is_404()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);

        var details = await client.GetAsync("/map/vehicles/999999999999999");
        var track = await client.GetAsync("/map/vehicles/999999999999999/track?hours=1");

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, track.StatusCode);
        Assert.Contains("no vehicle with device 999999999999999", await details.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
