using System.CommandLine;
using System.Text.Json;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Violations;
using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Engine;
using Telematics.Rules.GateQueues;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Scenario;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Commands;

/// <summary>
/// <c>replay [FILE] --scenario --registry --profile</c>: runs the rules offline over normalised
/// records (JSON lines, as <c>decode</c> prints them) and prints one JSON line per case. Records
/// are put in device-time order per vehicle and duplicates dropped, as the live pipeline does;
/// episodes still open at the end of the data are judged on what was seen.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "JSON lines of normalised records (default: standard input)", Arity = ArgumentArity.ZeroOrOne };
        var scenario = new Option<string>("--scenario") { Description = "Scenario GeoJSON", DefaultValueFactory = _ => new RulesOptions().Scenario };
        var registry = new Option<string?>("--registry") { Description = "Registry file (devices.json) giving plates, classes, operators, drivers" };
        var profile = new Option<string>("--profile") { Description = "vn-2024 | eu-561 | us-fmcsa", DefaultValueFactory = _ => JurisdictionProfiles.Vietnam2024 };
        var command = new Command("replay", "Run the rules offline over a file of normalised records and print the cases as JSON lines") { file, scenario, registry, profile };
        command.SetAction(parse =>
        {
            var jurisdiction = JurisdictionProfiles.Find(parse.GetValue(profile)!);
            if (jurisdiction is null)
            {
                Console.Error.WriteLine($"unknown profile \"{parse.GetValue(profile)}\": use {string.Join(", ", JurisdictionProfiles.All.Select(p => p.Name))}");
                return 2;
            }

            var scenarioPath = ScenarioSource.Resolve(parse.GetValue(scenario)!);
            if (scenarioPath is null)
            {
                Console.Error.WriteLine($"scenario \"{parse.GetValue(scenario)}\" not found");
                return 2;
            }

            var vehicles = parse.GetValue(registry) is { } registryPath
                ? DeviceRegistryFile.Parse(File.ReadAllText(registryPath)).ToDictionary(e => e.DeviceId, StringComparer.Ordinal)
                : [];
            using var input = parse.GetValue(file) is { } path ? new StreamReader(path) : new StreamReader(Console.OpenStandardInput());
            var replay = new Replay(new RuleEngine(ScenarioFile.Load(scenarioPath), jurisdiction), vehicles);
            var cases = replay.Run(input, Console.Error);
            using var stdout = Console.OpenStandardOutput();
            foreach (var c in cases)
            {
                stdout.Write(System.Text.Encoding.UTF8.GetBytes(CaseJson.ToJson(c) + "\n"));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The replay itself, for the command and for tests.</summary>
    public sealed class Replay(RuleEngine engine, IReadOnlyDictionary<string, DeviceEntry> registry)
    {
        public IReadOnlyList<RaisedCase> Run(TextReader input, TextWriter errors)
        {
            var records = new List<PositionRecord>();
            var lineNo = 0;
            while (input.ReadLine() is { } line)
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    records.Add(PositionRecordReader.Parse(line));
                }
                catch (Exception ex) when (ex is FormatException or JsonException)
                {
                    errors.WriteLine($"line {lineNo}: skipped: {ex.Message}");
                }
            }

            var cases = new List<RaisedCase>();
            var visits = new List<GateVisit>();
            var vehicles = new Dictionary<string, (VehicleInfo Info, VehicleRuleState State)>(StringComparer.Ordinal);
            var drivers = new Dictionary<string, (VehicleInfo LastVehicle, DrivingTimeState State)>(StringComparer.Ordinal);

            // All records in device-time order (stable, so a vehicle's own order is kept): each
            // vehicle's rules and each driver's hours see their positions in order, even for a
            // driver who changes vehicles.
            foreach (var record in records.OrderBy(r => r.Time))
            {
                if (!vehicles.TryGetValue(record.DeviceId, out var v))
                {
                    v = (VehicleOf(record.DeviceId), default);
                }

                vehicles[record.DeviceId] = (v.Info, engine.Step(v.State, record, v.Info, cases, visits));
                var key = RuleEngine.DriverKey(record, v.Info);
                var driver = drivers.GetValueOrDefault(key);
                drivers[key] = (v.Info, engine.StepDriver(driver.State, record, v.Info, cases));
            }

            foreach (var (info, state) in vehicles.Values)
            {
                engine.Flush(state, info, cases);
            }

            foreach (var (lastVehicle, state) in drivers.Values)
            {
                engine.FlushDriver(state, lastVehicle, cases);
            }

            // A duplicated record makes no second case, but a case can be raised twice only if
            // its episode were judged twice: keep one per id all the same.
            return cases.DistinctBy(c => c.CaseId).OrderBy(c => c.Start).ThenBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        }

        private VehicleInfo VehicleOf(string deviceId) => registry.TryGetValue(deviceId, out var e)
            ? new VehicleInfo(e.DeviceId, e.Plate, e.VehicleClass, e.Operator, e.Driver)
            : VehicleInfo.Unknown(deviceId);
    }
}
