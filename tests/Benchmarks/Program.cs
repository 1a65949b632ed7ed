using BenchmarkDotNet.Running;
using Telematics.Benchmarks.Rules;

// Run with: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
//      or:  dotnet run -c Release --project tests/Benchmarks -- rule-memory
if (args is ["rule-memory"])
{
    RuleStateMemory.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
