using System.CommandLine;
using Microsoft.Extensions.Logging;
using Telematics.Devices.Commands;
using Telematics.Devices.Load;

// The device simulators: "demo" (worker + fleet in one process), "run" (a fleet against a
// worker elsewhere), "load" (the load generator).
using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
var root = new RootCommand("Telematics device simulators: fleets of fake devices speaking Teltonika, GT06 and JT/T 808")
{
    DemoCommand.Create(logs),
    RunCommand.Create(logs),
    LoadCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
