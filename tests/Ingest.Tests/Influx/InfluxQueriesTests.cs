using Telematics.Ingest.Influx.Queries;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>Track and last-position queries over the real influxd.</summary>
public sealed class InfluxQueriesTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private async Task<(InfluxWriterHarness Harness, InfluxQueries Queries)> SeedAsync(int points, int vehicles)
    {
        var options = InfluxTestOptions.For(influx.Server.Url, InfluxFixture.NewDatabase(), InfluxTestOptions.TempDirectory());
        var harness = await InfluxWriterHarness.StartAsync(options);
        harness.WritePositions(0, points, vehicles);
        await Eventually.True(() => harness.Metrics.PointsWritten == points, $"{points} points written", TimeSpan.FromSeconds(20));
        return (harness, new InfluxQueries(harness.Client, options));
    }

    [Fact]
    public async Task A_track_returns_the_points_of_one_vehicle_in_the_range_in_time_order()
    {
        var (harness, queries) = await SeedAsync(1_000, 4);
        await using var _ = harness;
        var from = InfluxWriterHarness.Position(100, 4).Time;
        var to = InfluxWriterHarness.Position(200, 4).Time;

        var track = await queries.TrackAsync(new TrackQuery { Vehicle = "12C-0001", From = from, To = to }, CancellationToken.None);
        var byDevice = await queries.TrackAsync(new TrackQuery { Device = "356307042440001", From = from, To = to }, CancellationToken.None);

        var expected = Enumerable.Range(100, 100).Where(i => i % 4 == 1).Select(i => InfluxWriterHarness.Position(i, 4)).ToList();
        Assert.Equal(expected.Count, track.Count);
        Assert.Equal(track, byDevice);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(new TrackPoint(expected[i].Time, expected[i].Lat, expected[i].Lon, expected[i].SpeedKmh, expected[i].Heading), track[i]);
        }
    }

    [Fact]
    public async Task A_downsampled_track_has_one_point_per_interval_with_its_last_position_and_top_speed()
    {
        var (harness, queries) = await SeedAsync(1_200, 1);
        await using var _ = harness;
        var from = InfluxWriterHarness.Position(0, 1).Time;

        var track = await queries.TrackAsync(new TrackQuery { Device = "356307042440000", From = from, To = from.AddMinutes(20), Downsample = TimeSpan.FromMinutes(5) }, CancellationToken.None);

        Assert.Equal(4, track.Count);
        for (var k = 0; k < 4; k++)
        {
            var last = InfluxWriterHarness.Position((k * 300) + 299, 1);
            Assert.Equal(from.AddMinutes(5 * k), track[k].Time);
            Assert.Equal(last.Lat, track[k].Lat);
            Assert.Equal(last.Lon, track[k].Lon);
            Assert.Equal(Enumerable.Range(k * 300, 300).Max(i => i % 120), track[k].SpeedKmh);
        }
    }

    [Fact]
    public async Task The_last_position_of_every_vehicle_is_its_newest_point()
    {
        var (harness, queries) = await SeedAsync(1_000, 7);
        await using var _ = harness;

        var last = await queries.LastPositionsAsync(CancellationToken.None);

        Assert.Equal(7, last.Count);
        foreach (var position in last)
        {
            var newest = Enumerable.Range(0, 1_000).Select(i => InfluxWriterHarness.Position(i, 7)).Where(p => p.DeviceId == position.DeviceId).MaxBy(p => p.Time)!;
            Assert.Equal(newest.Time, position.Time);
            Assert.Equal(newest.Lat, position.Lat);
            Assert.Equal(newest.Lon, position.Lon);
            Assert.Equal(newest.Heading, position.Heading);
            Assert.Equal("12C-" + position.DeviceId[^4..], position.Vehicle);
        }
    }

    [Fact]
    public async Task A_query_InfluxDB_refuses_throws_with_its_reason()
    {
        var (harness, _) = await SeedAsync(10, 1);
        await using var __ = harness;

        var error = await Assert.ThrowsAsync<Telematics.Ingest.Influx.Http.InfluxQueryException>(() => harness.Client.QueryAsync("SELEKT nonsense", withDatabase: true, CancellationToken.None));
        Assert.Contains("error parsing query", error.Message, StringComparison.Ordinal);
    }
}
