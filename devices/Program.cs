using System.CommandLine;
using Telematics.Devices.Load;

// Temporary entry point of the load-generator branch; the lead merges it into the devices' root command.
var root = new RootCommand("Telematics device simulators")
{
    LoadCommand.Create(),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
