using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Ingest.Hosting;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Mqtt.Endpoint;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Benchmarks.Mqtt;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- mqtt-load [clients] [messages per client]</c>:
/// the same generator against our endpoint (the worker in process, every record into the pipeline)
/// and against Mosquitto (/usr/sbin/mosquitto on a free port), QoS 0 then QoS 1, side by side.
/// </summary>
public static class MqttLoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var messages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var directory = Directory.CreateTempSubdirectory("telematics-mqtt-load-").FullName;
        var app = IngestHost.Create(
        [
            "--Telematics:BindAddress=127.0.0.1", "--Telematics:HttpPort=-1",
            "--Telematics:Listeners:teltonika:Enabled=false", "--Telematics:Listeners:gt06:Enabled=false", "--Telematics:Listeners:jt808:Enabled=false",
            "--Telematics:Mqtt:Endpoint:Port=0", $"--Telematics:Registry:Path={Path.Combine(directory, "devices.json")}",
            $"--Telematics:Mqtt:DeadLetterPath={Path.Combine(directory, "dead.jsonl")}", "--Logging:LogLevel:Default=Error",
        ]);
        await app.StartAsync().ConfigureAwait(false);
        var ours = app.Services.GetRequiredService<MqttEndpoint>().Port!.Value;
        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllLinesAsync(config, ["per_listener_settings false", $"listener {port} 127.0.0.1", "allow_anonymous true", "persistence false", "log_dest none", "max_connections -1"]).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(config, (UnixFileMode)0b110_100_100);
        }

        using var mosquitto = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", ["-c", config]) { UseShellExecute = false })!;
        try
        {
            await WaitForPortAsync(port).ConfigureAwait(false);
            Console.WriteLine($"{clients} clients x {messages} messages, MQTT 5.0, ~200-byte JSON payloads");
            foreach (var (qos, window) in new[] { (MqttQos.AtMostOnce, 100), (MqttQos.AtLeastOnce, 20) })
            {
                var before = app.Services.GetRequiredService<IngestMetrics>().RecordsTotal;
                var telematics = await MqttLoadGenerator.RunAsync(ours, clients, messages, qos, window).ConfigureAwait(false);
                var records = app.Services.GetRequiredService<IngestMetrics>().RecordsTotal - before;
                var broker = await MqttLoadGenerator.RunAsync(port, clients, messages, qos, window).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"QoS {(int)qos}: telematics endpoint {telematics,10:N0} msg/s ({records:N0} records into the pipeline) | mosquitto {broker,10:N0} msg/s | ratio {telematics / broker:F2}x"));
            }
        }
        finally
        {
            mosquitto.Kill();
            await mosquitto.WaitForExitAsync().ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port).ConfigureAwait(false);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 200)
            {
                await Task.Yield();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
