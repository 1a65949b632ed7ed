using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Engine;
using Telematics.Rules.GateQueues;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Scenario;
using Telematics.Rules.Vehicles;

namespace Telematics.Benchmarks.Rules;

/// <summary>
/// Every rule on every position (speeding, route deviation, corridor stops, gate zones, driving time): the Lạng Sơn scenario plus 1,000 synthetic speed zones and
/// 1,000 synthetic routes (each vehicle assigned one), 1,000 vehicles × 200 positions driving
/// through them. Figures are per position.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private const int Vehicles = 1_000;
    private const int PositionsPerVehicle = 200;

    private RuleEngine _engine = null!;
    private VehicleInfo[] _vehicles = null!;
    private PositionRecord[][] _tracks = null!;
    private VehicleRuleState[] _states = null!;
    private DrivingTimeState[] _drivers = null!;
    private readonly List<RaisedCase> _cases = [];
    private readonly List<GateVisit> _visits = [];

    public static ScenarioMap BuildScenario(int syntheticZones, int syntheticRoutes)
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "lang-son.geojson")))!.AsObject();
        var features = scenario["features"]!.AsArray();
        var assignments = scenario["assignments"]!.AsArray();
        var random = new Random(42);
        for (var i = 0; i < syntheticZones; i++)
        {
            features.Add(JsonNode.Parse(string.Create(CultureInfo.InvariantCulture,
                $$$"""{"type":"Feature","properties":{"kind":"speed-zone","name":"zone {{{i}}}","radiusM":{{{200 + random.Next(1500)}}},"speedLimits":{"default":{{{40 + (10 * random.Next(4))}}}}},"geometry":{"type":"Point","coordinates":[{{{106.3 + (random.NextDouble() * 0.9)}}},{{{21.5 + (random.NextDouble() * 0.6)}}}]}}""")));
        }

        for (var i = 0; i < syntheticRoutes; i++)
        {
            var lon = 106.3 + (random.NextDouble() * 0.8);
            var lat = 21.5 + (random.NextDouble() * 0.5);
            var points = new StringBuilder();
            for (var k = 0; k < 8; k++)
            {
                points.Append(CultureInfo.InvariantCulture, $"{(k > 0 ? "," : string.Empty)}[{lon + (k * 0.01)},{lat + (random.NextDouble() * 0.01)}]");
            }

            features.Add(JsonNode.Parse($$$"""{"type":"Feature","properties":{"kind":"route","name":"route {{{i}}}"},"geometry":{"type":"LineString","coordinates":[{{{points}}}]}}"""));
            assignments.Add(JsonNode.Parse($$"""{"vehicle":"V{{i}}","route":"route {{i}}"}"""));
        }

        return ScenarioFile.Parse(scenario.ToJsonString(), "lang-son + synthetic");
    }

    [GlobalSetup]
    public void Setup()
    {
        var map = BuildScenario(1_000, 1_000);
        _engine = new RuleEngine(map, JurisdictionProfiles.Vietnam);
        var random = new Random(7);
        var t0 = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        _vehicles = Enumerable.Range(0, Vehicles).Select(i => new VehicleInfo("V" + i, "12C-" + i, VehicleClass.Truck, "op", null)).ToArray();
        _tracks = new PositionRecord[Vehicles][];
        for (var v = 0; v < Vehicles; v++)
        {
            var lat = 21.5 + (random.NextDouble() * 0.5);
            var lon = 106.3 + (random.NextDouble() * 0.8);
            _tracks[v] = new PositionRecord[PositionsPerVehicle];
            for (var k = 0; k < PositionsPerVehicle; k++)
            {
                lon += 0.0015;
                _tracks[v][k] = new PositionRecord
                {
                    DeviceId = _vehicles[v].DeviceId,
                    Time = t0.AddSeconds(k * 10),
                    Lat = lat,
                    Lon = lon,
                    SpeedKmh = 40 + random.Next(60),
                    Valid = true,
                };
            }
        }

        _states = new VehicleRuleState[Vehicles];
        _drivers = new DrivingTimeState[Vehicles];
    }

    [Benchmark(OperationsPerInvoke = Vehicles * PositionsPerVehicle)]
    public int AllRules()
    {
        Array.Clear(_states);
        Array.Clear(_drivers);
        _cases.Clear();
        _visits.Clear();
        for (var v = 0; v < Vehicles; v++)
        {
            var state = _states[v];
            var driver = _drivers[v];
            var vehicle = _vehicles[v];
            foreach (var p in _tracks[v])
            {
                state = _engine.Step(state, p, vehicle, _cases, _visits);
                driver = _engine.StepDriver(driver, p, vehicle, _cases);
            }

            _states[v] = state;
            _drivers[v] = driver;
        }

        return _cases.Count;
    }
}
