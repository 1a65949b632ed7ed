using Telematics.Rules.Geometry;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Scenario;

/// <summary>
/// One prepared feature of a scenario: an area (polygon) or a line with a width, in projected
/// metres, with its limits and links (gate, corridor). Immutable, thread-safe.
/// </summary>
public sealed class ScenarioZone
{
    private readonly IReadOnlyDictionary<VehicleClass, double> _limits;

    public ScenarioZone(
        string name,
        ZoneKind kind,
        Polygon? area,
        Polyline? line,
        double widthM,
        IReadOnlyDictionary<VehicleClass, double> limits,
        double? defaultLimitKmh,
        string? gate,
        string? corridor,
        TimeSpan? maxStop)
    {
        if ((area is null) == (line is null))
        {
            throw new ArgumentException($"zone \"{name}\" needs either an area or a line");
        }

        Name = name;
        Kind = kind;
        Area = area;
        Line = line;
        WidthM = widthM;
        _limits = limits;
        DefaultLimitKmh = defaultLimitKmh;
        Gate = gate;
        Corridor = corridor ?? (kind == ZoneKind.Corridor ? name : null);
        MaxStop = maxStop;
        Bounds = area?.Bounds ?? line!.Bounds.Grow(widthM);
    }

    public string Name { get; }

    public ZoneKind Kind { get; }

    public Polygon? Area { get; }

    public Polyline? Line { get; }

    /// <summary>For a line: how far from it a position still counts as on it.</summary>
    public double WidthM { get; }

    /// <summary>The limit for classes the zone does not list, if any.</summary>
    public double? DefaultLimitKmh { get; }

    /// <summary>The border gate this zone leads to or belongs to.</summary>
    public string? Gate { get; }

    /// <summary>The corridor this zone is on (a corridor names itself).</summary>
    public string? Corridor { get; }

    /// <summary>For a no-stopping stretch: its own stop limit, else the profile's.</summary>
    public TimeSpan? MaxStop { get; }

    public BoundingBox Bounds { get; }

    /// <summary>Ranks areas for "most specific wins": the smaller, the more specific.</summary>
    public double SpecificityArea => Area?.AreaM2 ?? (Line!.LengthM * 2 * WidthM);

    public bool HasLimits => DefaultLimitKmh is not null || _limits.Count > 0;

    public bool Contains(double x, double y) =>
        Bounds.Contains(x, y) && (Area?.Contains(x, y) ?? Line!.DistanceTo(x, y) <= WidthM);

    /// <summary>Distance from the zone's line (0 inside an area, +∞ outside one).</summary>
    public double DistanceTo(double x, double y) =>
        Line?.DistanceTo(x, y) ?? (Area!.Contains(x, y) ? 0 : double.PositiveInfinity);

    public double? LimitFor(VehicleClass vehicleClass) =>
        _limits.TryGetValue(vehicleClass, out var limit) ? limit : DefaultLimitKmh;
}
