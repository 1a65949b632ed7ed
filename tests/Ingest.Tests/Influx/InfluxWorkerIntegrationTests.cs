using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Influx;
using Telematics.Ingest.Influx.Queries;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>The real worker with the sink enabled and a simulated fleet: what the devices sent is in influxd.</summary>
public sealed class InfluxWorkerIntegrationTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task A_simulated_fleet_through_the_worker_ends_up_in_influxd_with_its_registry_tags()
    {
        var database = InfluxFixture.NewDatabase();
        var directory = InfluxTestOptions.TempDirectory();
        var options = new FleetOptions
        {
            Vehicles = 6,
            RecordsPerVehicle = 50,
            TimeScale = 1_000_000,
            Backlog = TimeSpan.FromHours(3),
            OfflineFlush = 0,
            KeepSentRecords = true,
        };
        // The same options give the same devices: the registry first, the fleet once the ports are known.
        var registry = FleetRegistry.ToJson(new FleetRunner(options, RouteLibrary.LangSon(), NullLogger.Instance).Vehicles);
        await using var worker = await WorkerHost.StartAsync(
            registry,
            "--Telematics:Influx:Enabled=true",
            $"--Telematics:Influx:Url={influx.Server.Url}",
            $"--Telematics:Influx:Database={database}",
            "--Telematics:Influx:FlushInterval=00:00:00.100",
            $"--Telematics:Influx:SpoolDirectory={Path.Combine(directory, "spool")}",
            $"--Telematics:Influx:DeadLetterPath={Path.Combine(directory, "dead.lp")}");
        foreach (var protocol in new[] { "teltonika", "gt06", "jt808" })
        {
            options.Ports[protocol] = worker.PortOf(protocol);
        }

        var fleet = new FleetRunner(options, RouteLibrary.LangSon(), NullLogger.Instance);
        await fleet.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var metrics = worker.Services.GetRequiredService<InfluxMetrics>();
        var store = worker.Services.GetRequiredService<SqliteCaseStore>();
        await Eventually.True(
            () => influx.Server.CountAsync(database).Result == 300,
            $"300 positions in influxd ({metrics.PointsWritten} points written, {metrics.SpooledBatches} spooled, {metrics.DeadLetters} dead, {worker.Metrics.DeliveredTotal} delivered, {fleet.Stats.RecordsAcked} acked, {fleet.Stats.Errors} errors)",
            TimeSpan.FromSeconds(20));

        // Every case the rules stored is also a "violation" point, with its case id.
        var cases = await store.ListAsync();
        Assert.NotEmpty(cases);
        await Eventually.True(() => influx.Server.CountAsync(database, "violation", "case_id").Result == cases.Count, $"{cases.Count} violation points", TimeSpan.FromSeconds(20));
        var violations = await influx.Server.RowsAsync("SELECT case_id, kind, vehicle FROM \"violation\"", database);
        Assert.Equal(cases.Select(c => c.Id).Order(StringComparer.Ordinal), violations.Select(r => r["case_id"].GetString()!).Order(StringComparer.Ordinal));
        Assert.All(violations, r => Assert.StartsWith("12C-", r["vehicle"].GetString(), StringComparison.Ordinal));

        // Each device's connection is a "device" point: connected when it identified itself, disconnected when the fleet ended.
        await Eventually.True(() => influx.Server.CountAsync(database, "device", "count").Result >= 12, "connected and disconnected points", TimeSpan.FromSeconds(20));
        var events = await influx.Server.RowsAsync("SELECT count(\"count\") FROM \"device\" GROUP BY \"event\"", database);
        Assert.Equal(12, events.Sum(r => r["count"].GetInt64()));
        var connected = await influx.Server.RowsAsync("SELECT \"count\", \"device\" FROM \"device\" WHERE \"event\" = 'connected'", database);
        Assert.Equal(fleet.SentRecords.Keys.Order(StringComparer.Ordinal), connected.Select(r => r["device"].GetString()!).Order(StringComparer.Ordinal));

        Assert.Equal(0, fleet.Stats.Errors);
        var queries = worker.Services.GetRequiredService<InfluxQueries>();
        var last = await queries.LastPositionsAsync(CancellationToken.None);
        Assert.Equal(6, last.Count);
        foreach (var (deviceId, sent) in fleet.SentRecords)
        {
            var position = Assert.Single(last, p => p.DeviceId == deviceId);
            var newest = sent.MaxBy(s => s.TimeMs)!;
            Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(newest.TimeMs), position.Time);
            Assert.Equal(newest.Lat, position.Lat, 0.000001);
            Assert.Equal(newest.Lon, position.Lon, 0.000001);
            Assert.StartsWith("12C-", position.Vehicle, StringComparison.Ordinal);
        }

        var operators = await influx.Server.RowsAsync("SHOW TAG VALUES FROM \"position\" WITH KEY = \"operator\"", database);
        Assert.Contains(operators, r => r["value"].GetString() == "Công ty CP Vận tải Lạng Sơn");
    }
}
