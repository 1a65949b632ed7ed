using Telematics.Ingest.Mqtt.Client;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Mqtt.Client;

/// <summary>Broker mode against a real Mosquitto: persistent session, QoS 1, $share groups, restarts.</summary>
public sealed class MqttBrokerIngestTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public async Task Records_published_to_the_broker_reach_the_pipeline(int level)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var worker = await StartWorkerAsync(broker, "w1", level);
        await PublishAsync(broker, "860201", 1, 20);
        await Eventually.True(() => worker.Recorder.Received.Count(p => p.Record.DeviceId == "860201") == 20, "20 records");
    }

    [Fact]
    public async Task Two_workers_in_one_shared_group_split_the_messages_with_none_lost_or_doubled()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var a = await StartWorkerAsync(broker, "wa", 5, "--Telematics:Mqtt:Broker:SharedGroup=ingest");
        await using var b = await StartWorkerAsync(broker, "wb", 5, "--Telematics:Mqtt:Broker:SharedGroup=ingest");
        const int devices = 10, each = 20;
        for (var d = 0; d < devices; d++)
        {
            await PublishAsync(broker, $"86030{d}", 1, each);
        }

        await Eventually.True(() => a.Recorder.Received.Count + b.Recorder.Received.Count >= devices * each, "every record in one of the workers");
        var all = a.Recorder.Received.Concat(b.Recorder.Received).Select(p => (p.Record.DeviceId, p.Record.Time)).ToList();
        Assert.Equal(devices * each, all.Count);
        Assert.Equal(devices * each, all.Distinct().Count());
        Assert.NotEmpty(a.Recorder.Received);
        Assert.NotEmpty(b.Recorder.Received);
    }

    [Fact]
    public async Task A_worker_restart_while_publishing_continues_loses_nothing()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var first = await StartWorkerAsync(broker, "restarting", 5);
        var publishing = PublishAsync(broker, "860401", 1, 200);
        await Eventually.True(() => first.Recorder.Received.Count >= 20, "the first records");

        // Stopped while messages keep coming: what it had not acked stays in its persistent session.
        var recorder = first.Recorder;
        await first.DisposeAsync();
        await publishing;
        await PublishAsync(broker, "860401", 201, 100);
        await using var second = await StartWorkerAsync(broker, "restarting", 5);
        await PublishAsync(broker, "860401", 301, 100);

        var expected = Enumerable.Range(1, 400).Select(MqttTestRecords.TimeOf).ToHashSet();
        await Eventually.True(
            () => recorder.Received.Concat(second.Recorder.Received).Select(p => p.Record.Time).ToHashSet().SetEquals(expected),
            "all 400 records across the restart");
    }

    [Fact]
    public async Task A_bad_payload_from_the_broker_is_dead_lettered_and_acked_and_the_next_one_still_arrives()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var worker = await StartWorkerAsync(broker, "w-bad", 5);
        var port = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await MosquittoBroker.RunClientAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", port, "-q", "1", "-t", "telematics/860501/position", "-m", "{\"lat\":\"north\"}"]);
        await PublishAsync(broker, "860501", 1, 1);
        await Eventually.True(() => worker.Recorder.Received.Count == 1, "the good record");
        var deadLetters = Path.Combine(worker.Directory, "mqtt-dead-letters.jsonl");
        await Eventually.True(() => File.Exists(deadLetters) && File.ReadAllText(deadLetters).Contains("860501", StringComparison.Ordinal), "a dead letter naming the device");
        Assert.Contains("known field of the wrong type", await File.ReadAllTextAsync(deadLetters), StringComparison.Ordinal);
    }

    private static async Task<WorkerHost> StartWorkerAsync(MosquittoBroker broker, string clientId, int level, params string[] more)
    {
        var worker = await WorkerHost.StartAsync(null,
        [
            "--Telematics:Mqtt:Broker:Enabled=true",
            "--Telematics:Mqtt:Broker:Host=127.0.0.1",
            $"--Telematics:Mqtt:Broker:Port={broker.Port}",
            $"--Telematics:Mqtt:Broker:ClientId={clientId}",
            $"--Telematics:Mqtt:Broker:ProtocolLevel={level}",
            "--Telematics:Mqtt:Broker:Topics:0=telematics/+/position",
            .. more,
        ]);
        var ingest = (MqttBrokerIngest)worker.Services.GetService(typeof(MqttBrokerIngest))!;
        await Eventually.True(() => ingest.Connected, "subscribed to the broker");
        return worker;
    }

    private static async Task PublishAsync(MosquittoBroker broker, string device, int from, int count)
    {
        var lines = string.Join('\n', Enumerable.Range(from, count).Select(n => MqttTestRecords.Json(device, n))) + "\n";
        var (exit, output) = await MosquittoBroker.RunClientAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1", "-t", $"telematics/{device}/position", "-l"], lines);
        Assert.True(exit == 0, output);
    }
}
