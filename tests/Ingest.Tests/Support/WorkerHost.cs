using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Ingest.Hosting;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Tests.Pipeline;
using Telematics.Ingest.Transport;

namespace Telematics.Ingest.Tests.Support;

/// <summary>
/// The real worker, in process, on free loopback ports, with a temporary registry file and a
/// recording consumer behind the pipeline. Disposing stops it.
/// </summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkerHost(WebApplication app, string directory)
    {
        _app = app;
        Directory = directory;
    }

    public string Directory { get; }

    public string RegistryPath => Path.Combine(Directory, "devices.json");

    public RecordingConsumer Recorder => _app.Services.GetServices<IPositionConsumer>().OfType<RecordingConsumer>().Single();

    public IngestMetrics Metrics => _app.Services.GetRequiredService<IngestMetrics>();

    public IServiceProvider Services => _app.Services;

    /// <summary>When true, disposing leaves the directory (registry, case store) for a next worker: a restart.</summary>
    public bool KeepDirectory { get; set; }

    public static Task<WorkerHost> StartAsync(string? registryJson = null, params string[] settings) =>
        StartInAsync(Path.Combine(Path.GetTempPath(), "telematics-test-" + Guid.NewGuid().ToString("N")), registryJson, settings);

    /// <summary>Starts a worker whose files live in <paramref name="directory"/> (reused by a restart).</summary>
    public static async Task<WorkerHost> StartInAsync(string directory, string? registryJson = null, params string[] settings)
    {
        System.IO.Directory.CreateDirectory(directory);
        if (registryJson is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "devices.json"), registryJson);
        }

        string[] args =
        [
            "--Telematics:BindAddress=127.0.0.1",
            "--Telematics:HttpPort=0",
            "--Telematics:Listeners:teltonika:Port=0",
            "--Telematics:Listeners:gt06:Port=0",
            "--Telematics:Listeners:jt808:Port=0",
            "--Telematics:Mqtt:Endpoint:Port=0",
            $"--Telematics:Mqtt:DeadLetterPath={Path.Combine(directory, "mqtt-dead-letters.jsonl")}",
            $"--Telematics:Registry:Path={Path.Combine(directory, "devices.json")}",
            "--Telematics:Pipeline:ReorderWindow=00:00:00.050",
            $"--Telematics:Cases:Database={Path.Combine(directory, "cases.db")}",
            "--Logging:LogLevel:Default=Warning",
            "--Telematics:Influx:Enabled=false",
            .. settings,
        ];
        var app = IngestHost.Create(args, builder => builder.Services.AddSingleton<IPositionConsumer>(new RecordingConsumer()));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new WorkerHost(app, directory);
    }

    /// <summary>The bound port of a device listener, of the MQTT endpoint ("mqtt"), or of its TLS listener ("mqtts").</summary>
    public int PortOf(string protocol) => (protocol switch
            {
                "mqtt" => _app.Services.GetRequiredService<Telematics.Ingest.Mqtt.Endpoint.MqttEndpoint>().Port,
                "mqtts" => _app.Services.GetRequiredService<Telematics.Ingest.Mqtt.Endpoint.MqttEndpoint>().TlsPort,
                _ => _app.Services.GetRequiredService<DeviceListeners>().PortOf(protocol),
            })
        ?? throw new InvalidOperationException($"{protocol} listener disabled");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (KeepDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
