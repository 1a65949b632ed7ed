using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;
using Telematics.Ingest.Transport;

namespace Telematics.Dashboard.Hosting;

/// <summary>
/// The all-in-one mode's simulated Lạng Sơn fleet: once the in-process worker listens, the
/// vehicles connect to it over the real protocols, exactly as devices would.
/// </summary>
internal sealed partial class DemoFleetService(
    SimulatorOptions options,
    DeviceListeners listeners,
    IHostApplicationLifetime lifetime,
    ILogger<DemoFleetService> logger) : BackgroundService
{
    private static readonly string[] Protocols = ["teltonika", "gt06", "jt808"];

    /// <summary>The fleet's options; the same seed always gives the same vehicles, so the registry written before start matches the fleet that drives.</summary>
    public static FleetOptions FleetOptionsFor(SimulatorOptions options, IReadOnlyDictionary<string, int>? ports = null)
    {
        var fleet = new FleetOptions
        {
            Vehicles = options.Vehicles,
            TimeScale = options.TimeScale,
            Backlog = options.Backlog,
            Protocols = Protocols,
        };
        foreach (var (protocol, port) in ports ?? new Dictionary<string, int>())
        {
            fleet.Ports[protocol] = port;
        }

        return fleet;
    }

    /// <summary>Writes the simulated fleet's registry (plates, operators, drivers) so that the worker knows the vehicles.</summary>
    public static void WriteRegistry(SimulatorOptions options, string path, ILogger logger)
    {
        var fleet = new FleetRunner(FleetOptionsFor(options), RouteLibrary.LangSon(), logger);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, FleetRegistry.ToJson(fleet.Vehicles));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var protocol in Protocols)
        {
            if (listeners.PortOf(protocol) is not { } port)
            {
                LogListenerMissing(protocol);
                return;
            }

            ports[protocol] = port;
        }

        var fleet = new FleetRunner(FleetOptionsFor(options, ports), RouteLibrary.LangSon(), logger);
        LogStarting(fleet.Vehicles.Count);
        await fleet.RunAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated fleet not started: the {Protocol} listener is disabled")]
    private partial void LogListenerMissing(string protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated fleet: {Count} vehicles on the Lạng Sơn corridors")]
    private partial void LogStarting(int count);
}
