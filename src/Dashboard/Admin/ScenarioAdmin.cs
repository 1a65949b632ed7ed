using System.Text.Json;
using Telematics.Rules.Scenario;

namespace Telematics.Dashboard.Admin;

/// <summary>
/// A replacement scenario: built with <see cref="ScenarioFile"/> exactly as the rules will build it
/// (every error names the feature) and only then written over the file, atomically, for the
/// scenario source to reload.
/// </summary>
public static class ScenarioAdmin
{
    public static (ScenarioMap? Map, string? Error) Replace(string path, string geoJson, string uploadedName)
    {
        ScenarioMap map;
        try
        {
            map = ScenarioFile.Parse(geoJson, uploadedName);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            return (null, ex.Message);
        }

        AtomicFile.Replace(path, geoJson);
        return (map, null);
    }

    /// <summary>How many zones of each kind, in the order of <see cref="ZoneKind"/>.</summary>
    public static IReadOnlyList<(ZoneKind Kind, int Count)> ZoneCounts(ScenarioMap map) =>
        Enum.GetValues<ZoneKind>().Select(k => (k, map.Zones.Count(z => z.Kind == k))).ToList();

    /// <summary>The kind as the scenario file spells it (speed-zone, holding-yard...), for text keys.</summary>
    public static string KindName(ZoneKind kind) => kind switch
    {
        ZoneKind.Corridor => "corridor",
        ZoneKind.SpeedZone => "speed-zone",
        ZoneKind.Route => "route",
        ZoneKind.NoStopping => "no-stopping",
        ZoneKind.ApproachZone => "approach-zone",
        _ => "holding-yard",
    };
}
