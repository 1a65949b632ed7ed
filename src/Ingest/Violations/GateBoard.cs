using Telematics.Rules.GateQueues;

namespace Telematics.Ingest.Violations;

/// <summary>
/// Live border-gate queues: who is in each approach zone and holding yard now, and the dwell
/// times of recent visits (median and p90), from the rules' gate visits. Thread-safe.
/// </summary>
public sealed class GateBoard
{
    private const int RecentVisits = 500;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ZoneQueue> _zones = new(StringComparer.Ordinal);

    public void Apply(GateVisit visit)
    {
        lock (_lock)
        {
            if (!_zones.TryGetValue(visit.Zone, out var zone))
            {
                zone = new ZoneQueue(visit.Zone, visit.Gate, visit.Kind);
                _zones.Add(visit.Zone, zone);
            }

            if (visit.LeftAt is null)
            {
                zone.Present[visit.DeviceId] = visit.EnteredAt;
                return;
            }

            zone.Present.Remove(visit.DeviceId);
            zone.Dwells.Enqueue(visit.Dwell!.Value);
            if (zone.Dwells.Count > RecentVisits)
            {
                zone.Dwells.Dequeue();
            }
        }
    }

    public IReadOnlyList<GateZoneFigures> Snapshot()
    {
        lock (_lock)
        {
            return _zones.Values.Select(z =>
            {
                var dwells = z.Dwells.Order().ToArray();
                return new GateZoneFigures(z.Zone, z.Gate, z.Kind, z.Present.Count, Percentile(dwells, 0.5), Percentile(dwells, 0.9));
            }).OrderBy(z => z.Zone, StringComparer.Ordinal).ToArray();
        }
    }

    private static TimeSpan? Percentile(TimeSpan[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class ZoneQueue(string zone, string? gate, string kind)
    {
        public string Zone { get; } = zone;

        public string? Gate { get; } = gate;

        public string Kind { get; } = kind;

        public Dictionary<string, DateTime> Present { get; } = new(StringComparer.Ordinal);

        public Queue<TimeSpan> Dwells { get; } = new();
    }
}

/// <summary>One gate zone's live figures.</summary>
public sealed record GateZoneFigures(string Zone, string? Gate, string Kind, int Vehicles, TimeSpan? DwellMedian, TimeSpan? DwellP90);
