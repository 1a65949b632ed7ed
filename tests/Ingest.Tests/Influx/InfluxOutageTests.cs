using Microsoft.Extensions.Logging;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>
/// InfluxDB goes away in the middle of a stream and comes back (same data directory): every point
/// is there exactly once. Each test owns its influxd, since it stops it.
/// </summary>
public sealed class InfluxOutageTests
{
    [Fact]
    public async Task Every_point_is_stored_exactly_once_across_an_influxd_outage_mid_stream()
    {
        await using var server = await InfluxServer.StartNewAsync();
        var database = InfluxFixture.NewDatabase();
        var directory = InfluxTestOptions.TempDirectory();
        await using var harness = await InfluxWriterHarness.StartAsync(InfluxTestOptions.For(server.Url, database, directory));
        await Eventually.True(() => harness.Writer.IsHealthy, "connected");

        harness.WritePositions(0, 10_000);
        await Eventually.True(() => harness.Metrics.PointsWritten > 0, "first points written", TimeSpan.FromSeconds(20));
        await server.StopAsync();

        harness.WritePositions(10_000, 20_000);
        await Eventually.True(() => harness.Spool.PendingBatches > 0 && !harness.Writer.IsHealthy, "batches spooled during the outage", TimeSpan.FromSeconds(20));
        harness.WritePositions(20_000, 25_000);

        await server.StartAsync();
        harness.WritePositions(25_000, 30_000);
        harness.Writer.Flush();

        await Eventually.True(() => harness.Spool.PendingBatches == 0 && harness.Writer.IsHealthy, "spool replayed", TimeSpan.FromSeconds(40));
        await Eventually.True(() => server.CountAsync(database).GetAwaiter().GetResult() == 30_000, "30,000 points in InfluxDB", TimeSpan.FromSeconds(20));
        Assert.True(harness.Metrics.ReplayedBatches > 0, "some batches came from the spool");
        Assert.Equal(1, harness.Log.Count(LogLevel.Warning, "not reachable"));
        Assert.Equal(1, harness.Log.Count(LogLevel.Information, "reachable again"));
        await SpotCheckAsync(server, database, [0, 9_999, 12_345, 19_999, 24_999, 29_999]);
        Assert.Equal(10, (await server.RowsAsync("SHOW SERIES FROM \"position\"", database)).Count);
    }

    [Fact]
    public async Task A_spool_left_by_a_stopped_writer_is_replayed_exactly_once_by_the_next_one()
    {
        await using var server = await InfluxServer.StartNewAsync();
        var database = InfluxFixture.NewDatabase();
        var directory = InfluxTestOptions.TempDirectory();
        await using (var first = await InfluxWriterHarness.StartAsync(InfluxTestOptions.For(server.Url, database, directory)))
        {
            await Eventually.True(() => first.Writer.IsHealthy, "connected");
            first.WritePositions(0, 3_000);
            await Eventually.True(() => first.Metrics.PointsWritten == 3_000, "first 3000 written", TimeSpan.FromSeconds(20));
            await server.StopAsync();
            first.WritePositions(3_000, 8_000);
            await first.Writer.StopAsync(CancellationToken.None); // graceful: the rest goes to the spool
            Assert.Equal(5_000, first.Metrics.SpooledBatches * first.Options.BatchSize);
        }

        await server.StartAsync();
        await using var second = await InfluxWriterHarness.StartAsync(InfluxTestOptions.For(server.Url, database, directory));
        Assert.Equal(10, second.Spool.PendingBatches);
        await Eventually.True(() => second.Spool.PendingBatches == 0, "spool replayed", TimeSpan.FromSeconds(30));

        Assert.Equal(8_000, await server.CountAsync(database));
        Assert.Equal(10, second.Metrics.ReplayedBatches);
        Assert.Equal(1, second.SpoolLog.Count(LogLevel.Information, "will be replayed"));
        await SpotCheckAsync(server, database, [0, 2_999, 3_000, 5_555, 7_999]);
        Assert.Empty(Directory.EnumerateFiles(second.Spool.DirectoryPath, "*.spool"));
    }

    private static async Task SpotCheckAsync(InfluxServer server, string database, int[] indexes)
    {
        foreach (var i in indexes)
        {
            var expected = InfluxWriterHarness.Position(i);
            var ms = new DateTimeOffset(expected.Time).ToUnixTimeMilliseconds();
            var rows = await server.RowsAsync($"SELECT \"lat\", \"lon\", \"speed\", \"heading\" FROM \"position\" WHERE \"device\" = '{expected.DeviceId}' AND time = {ms}ms", database);
            var row = Assert.Single(rows);
            Assert.Equal(expected.Lat, row["lat"].GetDouble());
            Assert.Equal(expected.Lon, row["lon"].GetDouble());
            Assert.Equal(expected.SpeedKmh, row["speed"].GetDouble());
            Assert.Equal(expected.Heading, row["heading"].GetInt32());
        }
    }
}
