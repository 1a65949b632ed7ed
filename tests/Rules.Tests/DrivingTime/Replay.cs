using System.Globalization;
using System.Text.Json;
using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Tests.DrivingTime;

/// <summary>Runs <see cref="DrivingTimeRule"/> over records the way the engine does (state per driver key) and describes the cases compactly.</summary>
internal static class Replay
{
    public static readonly VehicleInfo Truck = new("dev-1", "12C-345.67", VehicleClass.Truck, "Lang Son Logistics", null);

    /// <param name="restartEvery">Serialise every state to JSON and back after every this many records (a worker restart).</param>
    public static List<RaisedCase> Run(IEnumerable<PositionRecord> records, JurisdictionProfile profile, int? restartEvery = null, VehicleInfo? vehicle = null)
    {
        vehicle ??= Truck;
        var states = new Dictionary<string, DrivingTimeState>();
        var raised = new List<RaisedCase>();
        var count = 0;
        foreach (var record in records)
        {
            var key = DrivingTimeRule.DriverKey(record, vehicle);
            states.TryGetValue(key, out var state);
            states[key] = DrivingTimeRule.Step(state, record, vehicle, profile, raised);
            if (++count % (restartEvery ?? int.MaxValue) == 0)
            {
                var json = JsonSerializer.Serialize(states);
                states = JsonSerializer.Deserialize<Dictionary<string, DrivingTimeState>>(json)!;
            }
        }

        foreach (var key in states.Keys.ToList())
        {
            states[key] = DrivingTimeRule.Flush(states[key], vehicle, profile, raised);
        }

        return raised;
    }

    /// <summary>"kind start..end key=value ..." with times local to the profile's zone, measured values in key order.</summary>
    public static List<string> Describe(IEnumerable<RaisedCase> cases, JurisdictionProfile profile) =>
        cases.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Kind} {Local(c.Start, profile)}..{Local(c.End, profile)} {string.Join(' ', c.Measured.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value.ToString(CultureInfo.InvariantCulture)}"))}"))
        .ToList();

    public static List<string> Describe(IEnumerable<PositionRecord> records, JurisdictionProfile profile, int? restartEvery = null) =>
        Describe(Run(records, profile, restartEvery), profile);

    private static string Local(DateTime utc, JurisdictionProfile profile) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, profile.TimeZone).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
