using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;
using Telematics.Ingest.Hosting;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Transport;

namespace Telematics.Devices.Commands;

/// <summary>
/// <c>demo</c>: the worker and a simulated fleet in one process — what a newcomer runs first.
/// The worker listens on its usual ports; the fleet's registry is written to devices.json in
/// the current directory; worker options can be given as --Telematics:Key=value.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(ILoggerFactory logs)
    {
        var fleetOptions = new FleetCommandOptions();
        var command = new Command("demo", "Run the ingest worker with a simulated Lạng Sơn fleet feeding it over all three protocols");
        fleetOptions.AddTo(command);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = fleetOptions.ToFleetOptions(parse);
            var logger = logs.CreateLogger("Telematics.Devices");
            var fleet = new FleetRunner(options, RouteLibrary.LangSon(), logger);
            var registryPath = Path.GetFullPath("devices.json");
            await File.WriteAllTextAsync(registryPath, FleetRegistry.ToJson(fleet.Vehicles), cancellationToken).ConfigureAwait(false);

            var args = parse.UnmatchedTokens.Prepend($"--Telematics:Registry:Path={registryPath}").ToArray();
            await using var worker = IngestHost.Create(args);
            await worker.StartAsync(cancellationToken).ConfigureAwait(false);
            var listeners = worker.Services.GetRequiredService<DeviceListeners>();
            foreach (var protocol in options.Protocols)
            {
                options.Ports[protocol] = (protocol == "mqtt" ? worker.Services.GetRequiredService<Telematics.Ingest.Mqtt.Endpoint.MqttEndpoint>().Port : listeners.PortOf(protocol)) ?? throw new InvalidOperationException($"the {protocol} listener is disabled");
            }

            var live = worker.Services.GetRequiredService<LiveFleetState>();
            logger.LogInformation("Demo: {Count} simulated vehicles on the Lạng Sơn corridors, registry {Path}. Ctrl+C stops.", options.Vehicles, registryPath);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = FleetProgress.ReportAsync(fleet, logger, () => $"worker: {live.VehicleCount} vehicles live", stop.Token);
            await fleet.RunAsync(cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
            await worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
