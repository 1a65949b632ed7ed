using Telematics.Ingest.Mqtt.Endpoint;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Mqtt.Endpoint;

/// <summary>Debian's mosquitto_pub (a real MQTT client) publishing to our endpoint, both protocol versions, every QoS.</summary>
public sealed class MqttEndpointInteropTests
{
    [Theory]
    [InlineData("mqttv311", 0)]
    [InlineData("mqttv311", 1)]
    [InlineData("mqttv311", 2)]
    [InlineData("mqttv5", 0)]
    [InlineData("mqttv5", 1)]
    [InlineData("mqttv5", 2)]
    public async Task Mosquitto_pub_records_arrive_in_the_pipeline(string version, int qos)
    {
        await using var worker = await WorkerHost.StartAsync();
        var device = $"8600{qos}{version.Length}";
        var port = worker.Services.GetEndpoint().Port!.Value;
        string[] lines = [MqttTestRecords.Json(device, 1), MqttTestRecords.Json(device, 2), MqttTestRecords.Json(device, 3)];
        var (exit, output) = await MosquittoBroker.RunClientAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", version, "-q", qos.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-i", device, "-t", $"telematics/{device}/position", "-l"],
            string.Join('\n', lines) + "\n");
        Assert.True(exit == 0, output);
        await Eventually.True(() => worker.Recorder.Received.Count(p => p.Record.DeviceId == device) == 3, "three records of the device");
        Assert.Equal(MqttTestRecords.TimeOf(3), worker.Recorder.Received.Last(p => p.Record.DeviceId == device).Record.Time, TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task With_passwords_required_the_right_password_gets_in_and_a_wrong_one_is_refused(string version)
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-mqtt-pw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var passwords = Path.Combine(directory, "mqtt-passwords");
        await File.WriteAllTextAsync(passwords, "# devices\n" + MqttPasswordFile.HashLine("860077", "s3cret", iterations: 1000) + "\n");
        try
        {
            await using var worker = await WorkerHost.StartAsync(null, "--Telematics:Mqtt:Endpoint:AllowAnonymous=false", $"--Telematics:Mqtt:Endpoint:PasswordFile={passwords}");
            var port = worker.Services.GetEndpoint().Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string[] common = ["-h", "127.0.0.1", "-p", port, "-V", version, "-q", "1", "-t", "telematics/860077/position"];

            var wrong = await MosquittoBroker.RunClientAsync("mosquitto_pub", [.. common, "-i", "c1", "-u", "860077", "-P", "nope", "-m", MqttTestRecords.Json("860077", 1)]);
            Assert.NotEqual(0, wrong.ExitCode);
            var anonymous = await MosquittoBroker.RunClientAsync("mosquitto_pub", [.. common, "-i", "860077", "-m", MqttTestRecords.Json("860077", 2)]);
            Assert.NotEqual(0, anonymous.ExitCode);

            var right = await MosquittoBroker.RunClientAsync("mosquitto_pub", [.. common, "-i", "c2", "-u", "860077", "-P", "s3cret", "-m", MqttTestRecords.Json("860077", 3)]);
            Assert.True(right.ExitCode == 0, right.Output);
            await Eventually.True(() => worker.Recorder.Received.Any(p => p.Record.DeviceId == "860077"), "the record of the authenticated device");
            Assert.Single(worker.Recorder.Received, p => p.Record.DeviceId == "860077");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Mosquitto_sub_on_the_device_command_topic_receives_a_command_from_the_worker()
    {
        await using var worker = await WorkerHost.StartAsync();
        var endpoint = worker.Services.GetEndpoint();
        var port = endpoint.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sub = MosquittoBroker.RunClientAsync("mosquitto_sub", ["-h", "127.0.0.1", "-p", port, "-V", "mqttv5", "-q", "1", "-i", "860099", "-t", "telematics/860099/commands", "-C", "1"]);
        Telematics.Ingest.Mqtt.Endpoint.MqttCommandResult result = default;
        await Eventually.True(() =>
        {
            result = endpoint.PublishCommandAsync("860099", "reboot"u8.ToArray()).GetAwaiter().GetResult();
            return result != MqttCommandResult.NotSubscribed;
        }, "the device subscribed");
        Assert.Equal(MqttCommandResult.Acknowledged, result);
        var (exit, output) = await sub;
        Assert.Equal(0, exit);
        Assert.Equal("reboot", output.Trim());
    }
}

internal static class EndpointServices
{
    public static MqttEndpoint GetEndpoint(this IServiceProvider services) =>
        (MqttEndpoint)services.GetService(typeof(MqttEndpoint))!;
}
