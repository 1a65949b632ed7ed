using Microsoft.Extensions.Logging;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>The writer against the real influxd: points stored, refused lines kept aside, the quota alarm, a missing server.</summary>
public sealed class InfluxWriterTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task Written_points_read_back_with_their_tags_and_values()
    {
        var database = InfluxFixture.NewDatabase();
        var directory = InfluxTestOptions.TempDirectory();
        await using (var harness = await InfluxWriterHarness.StartAsync(InfluxTestOptions.For(influx.Server.Url, database, directory)))
        {
            harness.WritePositions(0, 2_345);
            await Eventually.True(() => harness.Metrics.PointsWritten == 2_345, $"2345 points acknowledged ({harness.Metrics.PointsWritten} {harness.Metrics.SpooledBatches} {harness.Metrics.BatchesWritten} {string.Join(" | ", harness.Log.Lines)})", TimeSpan.FromSeconds(20));
            Assert.Equal(0, harness.Metrics.SpooledBatches);
            Assert.Equal(1, harness.Log.Count(LogLevel.Information, "writing to"));
        }

        Assert.Equal(2_345, await influx.Server.CountAsync(database));
        var rows = await influx.Server.RowsAsync("SELECT * FROM \"position\" WHERE \"device\" = '356307042440007' ORDER BY time LIMIT 1", database);
        var row = Assert.Single(rows);
        var expected = InfluxWriterHarness.Position(7);
        Assert.Equal(new DateTimeOffset(expected.Time).ToUnixTimeMilliseconds(), row["time"].GetInt64());
        Assert.Equal(expected.Lat, row["lat"].GetDouble());
        Assert.Equal(expected.Lon, row["lon"].GetDouble());
        Assert.Equal(expected.SpeedKmh, row["speed"].GetDouble());
        Assert.Equal(expected.Heading, row["heading"].GetInt32());
        Assert.Equal("12C-0007", row["vehicle"].GetString());
        Assert.Equal("Hoàng Long", row["operator"].GetString());
        Assert.Equal("truck", row["class"].GetString());
        Assert.True(row["valid"].GetBoolean());
        var policies = await influx.Server.RowsAsync($"SHOW RETENTION POLICIES ON \"{database}\"", database);
        var policy = Assert.Single(policies, p => p["name"].GetString() == "telematics_400d");
        Assert.Equal("9600h0m0s", policy["duration"].GetString());
        Assert.True(policy["default"].GetBoolean());
    }

    [Fact]
    public async Task A_partial_write_stores_the_good_lines_and_keeps_the_refused_one_in_the_dead_letter_file()
    {
        var database = InfluxFixture.NewDatabase();
        var directory = InfluxTestOptions.TempDirectory();
        var options = InfluxTestOptions.For(influx.Server.Url, database, directory, batchSize: 1000);
        options.FlushInterval = TimeSpan.FromHours(1);
        await using var harness = await InfluxWriterHarness.StartAsync(options);
        await Eventually.True(() => harness.Writer.IsHealthy, "connected");
        // "odometer" becomes a string field in this shard: a float odometer is then a type conflict.
        using (var seed = await influx.Server.WriteRawAsync(database, $"position,device=seed odometer=\"n/a\" {InfluxWriterHarness.BaseMs}"))
        {
            Assert.True(seed.IsSuccessStatusCode, await seed.Content.ReadAsStringAsync());
        }

        for (var i = 0; i < 1000; i++)
        {
            var record = InfluxWriterHarness.Position(i);
            if (i == 617)
            {
                record = record with { OdometerKm = 12034.5 };
            }

            harness.Writer.Write(record, InfluxWriterHarness.Vehicle(record), late: false);
        }

        await Eventually.True(() => harness.Metrics.DeadLetters == 1 && harness.Metrics.PointsWritten == 999, "999 written, 1 dead letter", TimeSpan.FromSeconds(20));
        Assert.Equal(999, await influx.Server.CountAsync(database));
        var deadLetters = await File.ReadAllLinesAsync(options.DeadLetterPath);
        Assert.Equal(2, deadLetters.Length);
        Assert.StartsWith("# ", deadLetters[0], StringComparison.Ordinal);
        Assert.Contains("field type conflict", deadLetters[0], StringComparison.Ordinal);
        Assert.StartsWith("position,class=truck,device=356307042440007,", deadLetters[1], StringComparison.Ordinal);
        Assert.Contains("odometer=12034.5", deadLetters[1], StringComparison.Ordinal);
        Assert.Equal(1, harness.Log.Count(LogLevel.Warning, "odometer=12034.5"));
        Assert.Equal(0, harness.Metrics.SpooledBatches);
    }

    [Fact]
    public async Task With_no_influxd_it_says_so_once_and_spools_every_batch()
    {
        var directory = InfluxTestOptions.TempDirectory();
        var options = InfluxTestOptions.For("http://127.0.0.1:1", "nowhere", directory, batchSize: 100);
        await using var harness = await InfluxWriterHarness.StartAsync(options);

        for (var round = 1; round <= 5; round++)
        {
            harness.WritePositions((round - 1) * 100, round * 100);
            var expected = round;
            await Eventually.True(() => harness.Spool.PendingBatches == expected, $"{expected} batches spooled");
        }

        Assert.Equal(1, harness.Log.Count(LogLevel.Warning, "not reachable"));
        Assert.Contains(harness.Log.Lines, l => l.Message.Contains("points are being spooled to " + harness.Spool.DirectoryPath, StringComparison.Ordinal));
        Assert.Equal(5, harness.Metrics.SpooledBatches);
        Assert.Equal(0, harness.Metrics.PointsWritten);
    }

    [Fact]
    public async Task Reaching_the_spool_quota_raises_the_alarm_and_counts_the_dropped_points()
    {
        var directory = InfluxTestOptions.TempDirectory();
        var options = InfluxTestOptions.For("http://127.0.0.1:1", "nowhere", directory, batchSize: 100);
        options.SpoolQuotaBytes = 60_000; // about two batches of 100 positions
        await using var harness = await InfluxWriterHarness.StartAsync(options);

        for (var round = 1; round <= 4; round++)
        {
            harness.WritePositions((round - 1) * 100, round * 100);
            var expected = round;
            await Eventually.True(() => harness.Metrics.SpooledBatches + harness.Metrics.QuotaAlarms == expected, $"batch {expected} spooled or refused");
        }

        Assert.Equal(2, harness.Metrics.SpooledBatches);
        Assert.Equal(2, harness.Metrics.QuotaAlarms);
        Assert.Equal(200, harness.Metrics.QuotaDroppedPoints);
        Assert.True(harness.Spool.TotalBytes <= options.SpoolQuotaBytes);
        Assert.Contains(harness.Log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("ALARM: InfluxDB spool quota", StringComparison.Ordinal) && l.Message.Contains("DROPPED", StringComparison.Ordinal));
    }
}
