using Telematics.Rules.Geometry;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Scenario;

/// <summary>
/// A scenario built once into projected, grid-indexed geometry: which limit applies where, which
/// corridor, no-stopping stretch or gate zone a position is in, and which route a vehicle is
/// assigned to. Immutable and thread-safe: one instance serves every vehicle; a reload builds a
/// new one and swaps it in (rule state refers to zones by name, so it survives the swap).
/// </summary>
public sealed class ScenarioMap
{
    private readonly ScenarioZone[] _zones;
    private readonly ZoneGrid _grid;
    private readonly Dictionary<string, ScenarioZone> _routes;
    private readonly Dictionary<string, RouteAssignment[]> _assignments;

    public ScenarioMap(string name, string? description, IReadOnlyList<ScenarioZone> zones, IReadOnlyList<RouteAssignment> assignments, IReadOnlyList<Landmark> landmarks, LocalProjection projection)
    {
        Name = name;
        Description = description;
        Projection = projection;
        Landmarks = landmarks;
        _zones = zones.ToArray();
        _grid = new ZoneGrid(_zones);
        _routes = _zones.Where(z => z.Kind == ZoneKind.Route).ToDictionary(z => z.Name, StringComparer.Ordinal);
        _assignments = assignments.GroupBy(a => a.Vehicle, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var a in assignments.Where(a => !_routes.ContainsKey(a.Route)))
        {
            throw new FormatException($"assignment of {a.Vehicle} names route \"{a.Route}\", which the scenario does not have");
        }
    }

    /// <summary>An empty scenario: jurisdiction defaults only, no corridors, no routes.</summary>
    public static ScenarioMap Empty { get; } = new("empty", null, [], [], [], new LocalProjection(0, 0));

    public string Name { get; }

    public string? Description { get; }

    public LocalProjection Projection { get; }

    public IReadOnlyList<ScenarioZone> Zones => _zones;

    public IReadOnlyList<Landmark> Landmarks { get; }

    /// <summary>The route a vehicle (by device id, else plate) is assigned to at a time, or null.</summary>
    public ScenarioZone? RouteFor(VehicleInfo vehicle, DateTime time)
    {
        if (_assignments.Count == 0)
        {
            return null;
        }

        var found = Find(vehicle.DeviceId, time);
        if (found is null && vehicle.Plate is not null)
        {
            found = Find(vehicle.Plate, time);
        }

        return found;
    }

    /// <summary>
    /// Everything at (x, y) in one pass over the grid cell: the most specific speed zone with a
    /// limit for the class, the corridor, the no-stopping stretch and the gate zone. Allocates nothing.
    /// </summary>
    public ZoneHits Locate(double x, double y, VehicleClass vehicleClass)
    {
        ScenarioZone? speedZone = null, corridor = null, limitingCorridor = null, noStopping = null, approach = null, yard = null;
        foreach (var i in _grid.Candidates(x, y))
        {
            var z = _zones[i];
            if (z.Kind == ZoneKind.Route || !z.Contains(x, y))
            {
                continue;
            }

            switch (z.Kind)
            {
                case ZoneKind.SpeedZone when z.LimitFor(vehicleClass) is not null && (speedZone is null || z.SpecificityArea < speedZone.SpecificityArea):
                    speedZone = z;
                    break;
                case ZoneKind.Corridor:
                    corridor ??= z;
                    if (limitingCorridor is null && z.LimitFor(vehicleClass) is not null)
                    {
                        limitingCorridor = z;
                    }

                    break;
                case ZoneKind.NoStopping:
                    noStopping ??= z;
                    break;
                case ZoneKind.ApproachZone:
                    approach ??= z;
                    break;
                case ZoneKind.HoldingYard:
                    yard ??= z;
                    break;
            }
        }

        return new ZoneHits(speedZone ?? limitingCorridor, corridor?.Name ?? noStopping?.Corridor ?? approach?.Corridor, noStopping, yard ?? approach);
    }

    private ScenarioZone? Find(string key, DateTime time)
    {
        if (!_assignments.TryGetValue(key, out var list))
        {
            return null;
        }

        foreach (var a in list)
        {
            if (a.IsValidAt(time))
            {
                return _routes[a.Route];
            }
        }

        return null;
    }
}
