using System.Collections.Concurrent;
using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Engine;
using Telematics.Rules.GateQueues;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Benchmarks.Rules;

/// <summary>
/// Memory per tracked vehicle: 100,000 vehicles each stepped through a few positions (as the
/// live consumer keeps them: a dictionary of states by device id), heap measured before and after.
/// Run: dotnet run -c Release --project tests/Benchmarks -- rule-memory
/// </summary>
public static class RuleStateMemory
{
    public static void Run()
    {
        const int Vehicles = 100_000;
        var engine = new RuleEngine(RuleEngineBenchmarks.BuildScenario(1_000, 1_000), JurisdictionProfiles.Vietnam);
        var ids = Enumerable.Range(0, Vehicles).Select(i => "35630704" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var cases = new List<RaisedCase>();
        var visits = new List<GateVisit>();
        var t0 = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var states = new ConcurrentDictionary<string, VehicleRuleState>(StringComparer.Ordinal);
        var drivers = new ConcurrentDictionary<string, DrivingTimeState>(StringComparer.Ordinal);
        var random = new Random(3);
        foreach (var id in ids)
        {
            var state = default(VehicleRuleState);
            var driver = default(DrivingTimeState);
            var vehicle = new VehicleInfo(id, null, VehicleClass.Truck, null, null);
            var lat = 21.5 + (random.NextDouble() * 0.5);
            var lon = 106.3 + (random.NextDouble() * 0.8);
            for (var k = 0; k < 5; k++)
            {
                var p = new PositionRecord { DeviceId = id, Time = t0.AddSeconds(k * 10), Lat = lat, Lon = lon + (k * 0.001), SpeedKmh = 50, Valid = true };
                state = engine.Step(state, p, vehicle, cases, visits);
                driver = engine.StepDriver(driver, p, vehicle, cases);
            }

            states[id] = state;
            drivers[id] = driver;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var idBytes = ids.Length * (20 + (2 * 15) + 8);
        Console.WriteLine($"{Vehicles} vehicles tracked: {(after - before) / (double)Vehicles:F0} bytes per vehicle, its driver's hours included (the dictionary entries too; the device id strings, ~{idBytes / Vehicles} B each, were allocated before)");
        GC.KeepAlive(states);
        GC.KeepAlive(drivers);
        GC.KeepAlive(ids);
    }
}
