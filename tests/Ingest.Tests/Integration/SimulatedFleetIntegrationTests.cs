using Microsoft.Extensions.Logging.Abstractions;
using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Integration;

/// <summary>
/// The worker on free loopback ports and the simulator's devices speaking each protocol: every
/// record arrives, in order, with the values the device sent, and every ack is what the device
/// expects (the simulator's links throw on a wrong ack, which counts as an error).
/// </summary>
public sealed class SimulatedFleetIntegrationTests
{
    [Theory]
    [InlineData("teltonika")]
    [InlineData("gt06")]
    [InlineData("jt808")]
    [InlineData("mqtt")]
    public async Task Every_record_of_the_simulated_devices_arrives_in_order_with_its_values(string protocol)
    {
        await using var worker = await WorkerHost.StartAsync();
        var options = new FleetOptions
        {
            Vehicles = 4,
            Protocols = [protocol],
            Ports = { [protocol] = worker.PortOf(protocol) },
            RecordsPerVehicle = 40,
            TimeScale = 1_000_000,
            Backlog = TimeSpan.FromHours(3),
            Speeding = 0.5,
            OfflineFlush = 0,
            KeepSentRecords = true,
        };
        var fleet = new FleetRunner(options, RouteLibrary.LangSon(), NullLogger.Instance);

        await fleet.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await Eventually.True(() => worker.Recorder.Received.Count == 160, "all 160 records delivered");

        Assert.Equal(0, fleet.Stats.Errors);
        Assert.Equal(160, fleet.Stats.RecordsAcked);
        foreach (var (deviceId, sent) in fleet.SentRecords)
        {
            var received = worker.Recorder.Received.Where(p => p.Record.DeviceId == deviceId).Select(p => p.Record).ToList();
            Assert.Equal(sent.Count, received.Count);
            for (var i = 0; i < sent.Count; i++)
            {
                var s = sent[i];
                var r = received[i];
                Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(s.TimeMs), r.Time);
                Assert.Equal(s.Lat, r.Lat, 0.000001);
                Assert.Equal(s.Lon, r.Lon, 0.000001);
                Assert.Equal(s.SpeedKmh, r.SpeedKmh, 0.1);
                Assert.Equal(s.Heading, r.Heading);
            }
        }
    }

    [Fact]
    public async Task A_vehicle_that_went_offline_flushes_its_buffered_records_and_none_is_lost()
    {
        await using var worker = await WorkerHost.StartAsync();
        var options = new FleetOptions
        {
            Vehicles = 3,
            Ports = { ["teltonika"] = worker.PortOf("teltonika"), ["gt06"] = worker.PortOf("gt06"), ["jt808"] = worker.PortOf("jt808") },
            RecordsPerVehicle = 400, // > 2 h of reports at 10–30 s: one offline stretch each
            TimeScale = 1_000_000,
            Backlog = TimeSpan.FromHours(5),
            OfflineFlush = 1,
            KeepSentRecords = true,
        };
        var fleet = new FleetRunner(options, RouteLibrary.LangSon(), NullLogger.Instance);

        await fleet.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
        await Eventually.True(() => worker.Recorder.Received.Count == 1200, "all 1200 records delivered");

        Assert.Equal(0, fleet.Stats.Errors);
        Assert.True(fleet.Stats.BufferedFlushed > 0, "some records were sent late");
        foreach (var group in worker.Recorder.Received.GroupBy(p => p.Record.DeviceId))
        {
            var times = group.Select(p => p.Record.Time).ToList();
            Assert.Equal(times.Order(), times);
            Assert.Equal(times.Count, times.Distinct().Count());
        }
    }
}
