using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// MQTT endpoint vs Mosquitto under the same load: dotnet run -c Release --project tests/Benchmarks -- mqtt-load [clients] [messages]
if (args.Length > 0 && args[0] == "mqtt-load")
{
    return await Telematics.Benchmarks.Mqtt.MqttLoadCommand.RunAsync(args).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
return 0;
