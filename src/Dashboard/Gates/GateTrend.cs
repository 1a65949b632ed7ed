using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Gates;

/// <summary>
/// Vehicles in each gate zone, minute by minute, over the current local day: a bounded ring per
/// zone (at most one sample a minute, 1,440 a day) that starts over when the day changes.
/// Thread-safe.
/// </summary>
public sealed class GateTrend(TimeZoneInfo zone)
{
    private const int MinutesPerDay = 24 * 60;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<GateSample>> _zones = new(StringComparer.Ordinal);
    private DateOnly _day;

    public TimeZoneInfo TimeZone => zone;

    /// <summary>Adds one minute's figures; a sample of an earlier day than the ring's is ignored, one of a later day starts the ring over.</summary>
    public void Record(DateTime minuteUtc, IEnumerable<GateZoneFigures> figures)
    {
        var day = LocalDay(minuteUtc);
        lock (_lock)
        {
            if (day < _day)
            {
                return;
            }

            if (day > _day)
            {
                _zones.Clear();
                _day = day;
            }

            foreach (var f in figures)
            {
                if (!_zones.TryGetValue(f.Zone, out var samples))
                {
                    samples = new Queue<GateSample>();
                    _zones.Add(f.Zone, samples);
                }

                if (samples.Count > 0 && samples.Last().MinuteUtc >= minuteUtc)
                {
                    continue;
                }

                samples.Enqueue(new GateSample(minuteUtc, f.Vehicles));
                if (samples.Count > MinutesPerDay)
                {
                    samples.Dequeue();
                }
            }
        }
    }

    /// <summary>The samples of <paramref name="zoneName"/> for the local day of <paramref name="nowUtc"/>, oldest first.</summary>
    public IReadOnlyList<GateSample> Today(string zoneName, DateTime nowUtc)
    {
        lock (_lock)
        {
            return LocalDay(nowUtc) == _day && _zones.TryGetValue(zoneName, out var samples) ? samples.ToArray() : [];
        }
    }

    /// <summary>UTC start of the local day holding <paramref name="utc"/>.</summary>
    public DateTime DayStartUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeToUtc(LocalDay(utc).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);

    private DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}

/// <summary>How many vehicles a zone held at one minute.</summary>
public sealed record GateSample(DateTime MinuteUtc, int Vehicles);
