using BenchmarkDotNet.Running;
using Telematics.Benchmarks.Influx;

// Run with: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// InfluxDB writer vs raw ceiling (starts its own influxd): dotnet run -c Release --project tests/Benchmarks -- influx-throughput [points] [vehicles]
if (args.Length > 0 && args[0] == "influx-throughput")
{
    return await InfluxThroughput.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
