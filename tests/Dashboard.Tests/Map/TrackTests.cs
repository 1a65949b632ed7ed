using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Map;
using Telematics.Ingest.Pipeline;

namespace Telematics.Dashboard.Tests.Map;

public sealed class TrackTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    private const string Device = "356307040000106";

    [Fact]
    public async Task The_track_from_memory_keeps_one_point_per_30_s_with_the_highest_speed_in_between()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);
        // Whole seconds: the buffer keeps times to the second.
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddMinutes(-10);
        double[] speeds = [40, 45, 50, 72, 48, 41, 0, 0, 0, 30];
        for (var i = 0; i < speeds.Length; i++)
        {
            await fixture.Pipeline.EnqueueAsync(MapFixture.Position(Device, start.AddSeconds(10 * i), 21.83 + (i * 0.0001), 106.72, speeds[i]));
        }

        var track = await MapFixture.EventuallyAsync(
            async () =>
            {
                // 404 until the pipeline has delivered the vehicle's first position.
                using var response = await client.GetAsync($"/map/vehicles/{Device}/track?hours=1");
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return (false, default);
                }

                var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (json.GetProperty("points").GetArrayLength() == 4, json);
            },
            "four track points");

        Assert.Equal("memory", track.GetProperty("source").GetString());
        var points = track.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("time").GetDateTime(), p.GetProperty("lat").GetDouble(), p.GetProperty("speedKmh").GetDouble()))
            .ToList();
        Assert.Equal(
            [
                (start, 21.83, 40),
                (start.AddSeconds(30), 21.8303, 72),
                (start.AddSeconds(60), 21.8306, 48),
                (start.AddSeconds(90), 21.8309, 30),
            ],
            points);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("25")]
    [InlineData("NaN")]
    [InlineData("1e9")]
    public async Task A_bad_number_of_hours_is_refused(string hours)
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);

        var response = await client.GetAsync($"/map/vehicles/{Device}/track?hours={Uri.EscapeDataString(hours)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hours must be a number above 0 and at most 24", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_memory_track_is_bounded_to_its_retention()
    {
        var buffer = new RecentTrackBuffer(Options.Create(new MapOptions { TrackSampleInterval = TimeSpan.FromSeconds(30), TrackRetention = TimeSpan.FromMinutes(2) }));
        var start = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 60; i++)
        {
            await buffer.OnPositionAsync(new IngestedPosition(MapFixture.Position("d1", start.AddSeconds(10 * i), 21.8, 106.7 + (i * 0.0001), i), null, Late: false), CancellationToken.None);
        }

        var points = buffer.Track("d1", start);

        Assert.Equal(5, buffer.Capacity);
        Assert.Equal([start.AddSeconds(450), start.AddSeconds(480), start.AddSeconds(510), start.AddSeconds(540), start.AddSeconds(570)], points.Select(p => p.Time));
        Assert.Equal([45, 48, 51, 54, 57], points.Select(p => p.SpeedKmh));
    }
}
