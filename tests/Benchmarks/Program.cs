using BenchmarkDotNet.Running;
using Telematics.Benchmarks.Influx;
using Telematics.Benchmarks.Rules;

// Run with: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
//      or:  dotnet run -c Release --project tests/Benchmarks -- rule-memory
// MQTT endpoint vs Mosquitto under the same load: dotnet run -c Release --project tests/Benchmarks -- mqtt-load [clients] [messages]
// Live map with N vehicles in headless Chromium (first paint, frame time, update lag): dotnet run -c Release --project tests/Benchmarks -- map-load [vehicles] [seconds]
// InfluxDB writer vs raw ceiling (starts its own influxd): dotnet run -c Release --project tests/Benchmarks -- influx-throughput [points] [vehicles]
if (args is ["rule-memory"])
{
    RuleStateMemory.Run();
    return 0;
}

if (args.Length > 0 && args[0] == "mqtt-load")
{
    return await Telematics.Benchmarks.Mqtt.MqttLoadCommand.RunAsync(args).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "map-load")
{
    return await Telematics.Benchmarks.Map.MapLoadCommand.RunAsync(args[1..]).ConfigureAwait(false);
}

if (args.Length > 0 && args[0] == "influx-throughput")
{
    return await InfluxThroughput.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
