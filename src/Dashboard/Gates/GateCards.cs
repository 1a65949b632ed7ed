using Telematics.Dashboard.Fleet;

namespace Telematics.Dashboard.Gates;

/// <summary>
/// What the gates page shows: a card per border gate with its approach zone and holding yard —
/// vehicles now, dwell median and p90 — and each zone's trend over the local day. The gates
/// are the scenario's, plus any the live figures name that the scenario does not.
/// </summary>
public sealed class GateCards(IFleetView fleet, GateCatalog catalog, GateTrend trend)
{
    public GateBoardSnapshot Build(DateTime nowUtc, string language)
    {
        var figures = fleet.Gates().ToDictionary(f => f.Zone, StringComparer.Ordinal);
        var zones = catalog.Zones.ToList();
        zones.AddRange(figures.Values.Where(f => zones.All(z => z.Zone != f.Zone)).Select(f => new GateZone(f.Zone, f.Gate, f.Kind)));

        var gates = zones
            .GroupBy(z => z.Gate ?? z.Zone, StringComparer.Ordinal)
            .Select(g => new GateCard(
                g.Key,
                GateNames.Display(g.Key, language),
                g.OrderBy(z => z.Kind == GateZone.Approach ? 0 : 1).ThenBy(z => z.Zone, StringComparer.Ordinal).Select(z =>
                {
                    var f = figures.GetValueOrDefault(z.Zone);
                    return new GateZoneCard(z.Zone, z.Kind, f?.Vehicles ?? 0, f?.DwellMedian, f?.DwellP90, trend.Today(z.Zone, nowUtc));
                }).ToList()))
            .ToList();
        return new GateBoardSnapshot(nowUtc, trend.DayStartUtc(nowUtc), gates);
    }
}

public sealed record GateBoardSnapshot(DateTime UpdatedUtc, DateTime DayStartUtc, IReadOnlyList<GateCard> Gates)
{
    public int Vehicles(string kind) => Gates.Sum(g => g.Zones.Where(z => z.Kind == kind).Sum(z => z.Vehicles));
}

public sealed record GateCard(string Gate, string Name, IReadOnlyList<GateZoneCard> Zones)
{
    public int Vehicles => Zones.Sum(z => z.Vehicles);
}

public sealed record GateZoneCard(string Zone, string Kind, int Vehicles, TimeSpan? DwellMedian, TimeSpan? DwellP90, IReadOnlyList<GateSample> Trend);
