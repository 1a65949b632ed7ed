using System.CommandLine;

namespace Telematics.Devices.Load;

/// <summary>
/// The <c>load</c> verb: many simulated devices on raw sockets against a running worker. Each
/// connection logs in as its protocol requires, then sends pre-encoded frames with a few in
/// flight, checks every ack and times it. Prints progress once a second, then one summary line
/// and one JSON line. Exit code 0 when every frame was acked correctly, 1 otherwise, 2 for bad options.
/// </summary>
public static class LoadCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "The worker's address", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port")
        {
            Description = "The worker's port (default by protocol: Teltonika 5027, GT06 5023, JT808 5015)",
        };
        var protocol = new Option<LoadProtocol>("--protocol", "-p")
        {
            Description = "Device protocol: teltonika | gt06 | jt808",
            DefaultValueFactory = _ => LoadProtocol.Teltonika,
        };
        var connections = new Option<int>("--connections", "-c")
        {
            Description = "Simultaneous device connections, each with its own device id",
            DefaultValueFactory = _ => 1000,
        };
        var rate = new Option<int>("--rate")
        {
            Description = "Records per second over all connections; 0 = as fast as the acks allow",
            DefaultValueFactory = _ => 0,
        };
        var recordsPerFrame = new Option<int>("--records-per-frame")
        {
            Description = "Records per frame: Teltonika AVL packet up to 255, JT808 0x0704 batch up to 26 (1 sends 0x0200); GT06 is always 1",
            DefaultValueFactory = _ => 10,
        };
        var duration = new Option<double>("--duration")
        {
            Description = "Seconds measured, after the ramp and the warm-up",
            DefaultValueFactory = _ => 20,
        };
        var warmup = new Option<double>("--warmup")
        {
            Description = "Seconds of sending before the measurement starts",
            DefaultValueFactory = _ => 2,
        };
        var ramp = new Option<int>("--ramp")
        {
            Description = "New connections per second while connecting",
            DefaultValueFactory = _ => 2000,
        };
        var inFlight = new Option<int>("--in-flight")
        {
            Description = "Frames a connection may have sent and not yet seen acked (1 to 16)",
            DefaultValueFactory = _ => 2,
        };
        var idle = new Option<bool>("--idle")
        {
            Description = "Connect and log in, then stay idle for the duration (memory per idle connection)",
        };
        var firstId = new Option<long>("--first-id")
        {
            Description = "Offset of the device ids (IMEI 350000000000000 + offset + index; JT808 terminal 100000000000 + offset + index)",
            DefaultValueFactory = _ => 0,
        };
        var serverPid = new Option<int?>("--server-pid")
        {
            Description = "The worker's process id: report its resident memory (VmRSS) and, with --idle, the memory per connection",
        };

        var command = new Command("load", "Load generator: many devices speaking a real protocol against a running worker, every ack checked and timed")
        {
            host, port, protocol, connections, rate, recordsPerFrame, duration, warmup, ramp, inFlight, idle, firstId, serverPid,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new LoadSettings
            {
                Host = parse.GetValue(host) ?? "127.0.0.1",
                Port = parse.GetValue(port),
                Protocol = parse.GetValue(protocol),
                Connections = parse.GetValue(connections),
                Rate = parse.GetValue(rate),
                RecordsPerFrame = parse.GetValue(recordsPerFrame),
                Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                Ramp = parse.GetValue(ramp),
                InFlight = parse.GetValue(inFlight),
                Idle = parse.GetValue(idle),
                FirstId = parse.GetValue(firstId),
                ServerPid = parse.GetValue(serverPid),
            };
            if (settings.Validate() is { } problem)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 2;
            }

            var run = new LoadRun(settings, Console.Out);
            var summary = await run.RunAsync(cancellationToken).ConfigureAwait(false);
            return summary.Clean ? 0 : 1;
        });
        return command;
    }
}
