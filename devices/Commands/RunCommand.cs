using System.CommandLine;
using Microsoft.Extensions.Logging;
using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;

namespace Telematics.Devices.Commands;

/// <summary><c>run</c>: drives a simulated fleet against a running worker.</summary>
internal static class RunCommand
{
    public static Command Create(ILoggerFactory logs)
    {
        var fleetOptions = new FleetCommandOptions();
        var host = new Option<string>("--host") { Description = "The worker's address", DefaultValueFactory = _ => "127.0.0.1" };
        var teltonikaPort = new Option<int>("--teltonika-port") { DefaultValueFactory = _ => 5027 };
        var gt06Port = new Option<int>("--gt06-port") { DefaultValueFactory = _ => 5023 };
        var jt808Port = new Option<int>("--jt808-port") { DefaultValueFactory = _ => 5015 };
        var registry = new Option<string?>("--write-registry") { Description = "Write the fleet's registry file (devices.json format) here first" };
        var command = new Command("run", "Drive simulated vehicles along the routes, reporting to a worker over the device protocols and checking every ack")
        {
            host, teltonikaPort, gt06Port, jt808Port, registry,
        };
        fleetOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = fleetOptions.ToFleetOptions(parse);
            options.Host = parse.GetValue(host)!;
            options.Ports["teltonika"] = parse.GetValue(teltonikaPort);
            options.Ports["gt06"] = parse.GetValue(gt06Port);
            options.Ports["jt808"] = parse.GetValue(jt808Port);
            var routes = parse.GetValue(fleetOptions.Routes) is { } file ? RouteLibrary.Load(file) : RouteLibrary.LangSon();
            var logger = logs.CreateLogger("Telematics.Devices");
            var fleet = new FleetRunner(options, routes, logger);
            if (parse.GetValue(registry) is { } path)
            {
                await File.WriteAllTextAsync(path, FleetRegistry.ToJson(fleet.Vehicles), cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Registry of {Count} vehicles written to {Path}", fleet.Vehicles.Count, Path.GetFullPath(path));
            }

            logger.LogInformation("Driving {Count} vehicles over {Protocols} to {Host}", options.Vehicles, string.Join(", ", options.Protocols), options.Host);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var progress = FleetProgress.ReportAsync(fleet, logger, null, stop.Token);
            await fleet.RunAsync(cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
            logger.LogInformation("Done: {Acked} records acked, {Errors} errors", fleet.Stats.RecordsAcked, fleet.Stats.Errors);
            return fleet.Stats.Errors == 0 ? 0 : 1;
        });
        return command;
    }
}
