using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telematics.Dashboard.Accounts;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Map;

public sealed class MapSnapshotTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    [Fact]
    public async Task The_snapshot_lists_fed_vehicles_with_plate_rounded_position_speed_heading_and_state()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);
        var now = DateTime.UtcNow;
        await fixture.Pipeline.EnqueueAsync(MapFixture.Position("356307040000101", now, 21.845678, 106.758912, 52.4, 45));
        await fixture.Pipeline.EnqueueAsync(MapFixture.Position("356307040000102", now, 21.901234, 106.771111, 0, 270));

        await MapFixture.SnapshotWithAsync(client, "356307040000101", 2184568);
        var snapshot = await MapFixture.SnapshotWithAsync(client, "356307040000102", 2190123);

        var moving = MapFixture.Slot(snapshot, "356307040000101");
        var stopped = MapFixture.Slot(snapshot, "356307040000102");
        Assert.Equal("12C-101.01", snapshot.GetProperty("plates")[moving].GetString());
        Assert.Equal("12C-101.02", snapshot.GetProperty("plates")[stopped].GetString());
        Assert.Equal([2184568, 10675891, 52, 45, 0], Values(snapshot, moving));
        Assert.Equal([2190123, 10677111, 0, 270, 1], Values(snapshot, stopped));
        Assert.Equal(250, snapshot.GetProperty("tick").GetInt32()); // the push interval the page is told
    }

    [Fact]
    public async Task A_vehicle_with_an_open_case_raised_today_is_drawn_in_violation_and_a_confirmed_one_is_not()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);
        var now = DateTime.UtcNow;
        var open = MapFixture.Case(CaseKinds.Speeding, "356307040000103", "12C-101.03", now.AddHours(-2));
        var confirmed = MapFixture.Case(CaseKinds.Speeding, "356307040000104", "12C-101.04", now.AddHours(-2));
        await fixture.Factory.Cases.AddAsync(open, now);
        await fixture.Factory.Cases.AddAsync(confirmed, now);
        await fixture.Factory.Cases.SetStatusAsync(confirmed.CaseId, CaseStatus.Confirmed, "officer-lan", null, now);
        await fixture.Pipeline.EnqueueAsync(MapFixture.Position("356307040000103", now, 21.85, 106.76, 40, 90));
        await fixture.Pipeline.EnqueueAsync(MapFixture.Position("356307040000104", now, 21.86, 106.77, 40, 90));

        await MapFixture.SnapshotWithAsync(client, "356307040000103", 2185000);
        var snapshot = await MapFixture.SnapshotWithAsync(client, "356307040000104", 2186000);

        Assert.Equal(3, Values(snapshot, MapFixture.Slot(snapshot, "356307040000103"))[4]);
        Assert.Equal(0, Values(snapshot, MapFixture.Slot(snapshot, "356307040000104"))[4]);
    }

    [Fact]
    public async Task Map_data_needs_a_signed_in_account()
    {
        var anonymous = fixture.Factory.Anonymous();
        foreach (var url in new[] { "/map/snapshot", "/map/vehicles/356307040000101", "/map/vehicles/356307040000101/track?hours=1" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request)).StatusCode);
        }

        var stream = new HttpRequestMessage(HttpMethod.Get, "/map/stream");
        stream.Headers.Accept.ParseAdd("text/event-stream");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(stream)).StatusCode);

        var monitor = await fixture.Factory.SignedInAsync(Roles.Monitor);
        var response = await monitor.GetAsync("/map/snapshot");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_map_page_is_in_Vietnamese_by_default_and_English_on_request()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);

        var vietnamese = await client.GetStringAsync("/map");
        await client.GetAsync("/lang/en?returnUrl=/map");
        var english = await client.GetStringAsync("/map");

        Assert.Contains("<title>Bản đồ trực tuyến · Telematics</title>", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Tìm biển số, ví dụ 12C-101.05", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<span class=\"name\">Mất tín hiệu</span>", vietnamese, StringComparison.Ordinal);
        Assert.Contains("<title>Live map · Telematics</title>", english, StringComparison.Ordinal);
        Assert.Contains("<span class=\"name\">In violation</span>", english, StringComparison.Ordinal);
        Assert.Contains("<body class=\"full\">", english, StringComparison.Ordinal);
    }

    private static int[] Values(JsonElement snapshot, int slot)
    {
        var v = snapshot.GetProperty("v");
        return Enumerable.Range(slot * 5, 5).Select(i => v[i].GetInt32()).ToArray();
    }
}
