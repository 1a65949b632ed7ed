using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Benchmarks.Rules;

/// <summary>
/// <see cref="DrivingTimeRule.Step"/> per position for one driver: a realistic week (records every
/// 30 s driving, every minute stopped, silent nights; cases raised along the way) per profile, and
/// an hour of plain driving under every limit (the common case, which must not allocate).
/// The state's size is printed in the setup.
/// </summary>
[MemoryDiagnoser]
public class DrivingTimeBenchmarks
{
    private static readonly VehicleInfo Truck = new("dev-1", "12C-345.67", VehicleClass.Truck, "Lang Son Logistics", "D-1");

    private readonly List<RaisedCase> _raised = [];
    private PositionRecord[] _week = [];
    private PositionRecord[] _hour = [];
    private JurisdictionProfile _profile = JurisdictionProfiles.Vietnam;

    [Params("vn-2024", "eu-561", "us-fmcsa")]
    public string Profile { get; set; } = "vn-2024";

    [GlobalSetup]
    public void Setup()
    {
        _profile = JurisdictionProfiles.Find(Profile)!;
        _week = Week(new DateTime(2025, 1, 6, 1, 0, 0, DateTimeKind.Utc));
        _hour = Drive(new DateTime(2025, 1, 6, 1, 0, 0, DateTimeKind.Utc), 106.75, TimeSpan.FromHours(1)).ToArray();

        var state = default(DrivingTimeState);
        foreach (var p in _week.AsSpan(0, _week.Length / 2))
        {
            state = DrivingTimeRule.Step(state, p, Truck, _profile, _raised);
        }

        var compact = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };
        Console.WriteLine($"// DrivingTimeState ({Profile}): {Unsafe.SizeOf<DrivingTimeState>()} B inline, " +
            $"{JsonSerializer.SerializeToUtf8Bytes(state).Length} B as JSON mid-week ({JsonSerializer.SerializeToUtf8Bytes(state, compact).Length} B without default values), week track {_week.Length} records");
    }

    [Benchmark(OperationsPerInvoke = 120)]
    public DrivingTimeState StepDrivingHour()
    {
        var state = default(DrivingTimeState);
        foreach (var p in _hour)
        {
            state = DrivingTimeRule.Step(state, p, Truck, _profile, _raised);
        }

        return state;
    }

    [Benchmark(OperationsPerInvoke = WeekRecords)]
    public DrivingTimeState StepWeek()
    {
        _raised.Clear();
        var state = default(DrivingTimeState);
        foreach (var p in _week)
        {
            state = DrivingTimeRule.Step(state, p, Truck, _profile, _raised);
        }

        return DrivingTimeRule.Flush(state, Truck, _profile, _raised);
    }

    private const int WeekRecords = 8_670;

    /// <summary>Monday to Saturday, 11 h 30 of driving a day with a 20 and a 45 minute break.</summary>
    private static PositionRecord[] Week(DateTime start)
    {
        var records = new List<PositionRecord>();
        var lon = 106.75;
        for (var day = 0; day < 6; day++)
        {
            var t = start.AddDays(day);
            foreach (var (drive, stop) in new[] { (4.5, 20), (4.0, 45), (3.0, 0) })
            {
                records.AddRange(Drive(t, lon, TimeSpan.FromHours(drive)));
                lon = records[^1].Lon;
                t = records[^1].Time;
                for (var m = 1; m <= stop; m++)
                {
                    records.Add(new PositionRecord { DeviceId = "dev-1", Time = t.AddMinutes(m), Lat = 21.85, Lon = lon, Ignition = false, DriverId = "D-1" });
                }

                t = t.AddMinutes(stop);
            }
        }

        if (records.Count != WeekRecords)
        {
            throw new InvalidOperationException($"The week has {records.Count} records; update WeekRecords.");
        }

        return records.ToArray();
    }

    private static IEnumerable<PositionRecord> Drive(DateTime from, double lon, TimeSpan duration)
    {
        for (var s = 30; s <= duration.TotalSeconds; s += 30)
        {
            lon += 0.5 / 103.2;
            yield return new PositionRecord { DeviceId = "dev-1", Time = from.AddSeconds(s), Lat = 21.85, Lon = lon, SpeedKmh = 60, Ignition = true, DriverId = "D-1" };
        }
    }
}
