using Telematics.Rules.Geometry;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline.Filters;

/// <summary>
/// A jump from the last accepted position that no vehicle can make in the time between them
/// (a GPS spike). After <c>maxConsecutive</c> drops in a row the next record is accepted: then it
/// was the anchor that was wrong, and dropping everything after it would lose the vehicle.
/// </summary>
public sealed class ImpossibleSpeedFilter(double maxKmh, int maxConsecutive) : IRecordFilter
{
    // Below this distance GPS jitter over short intervals would look like huge speeds.
    private const double MinDistanceM = 200;

    private readonly Dictionary<string, int> _consecutive = new(StringComparer.Ordinal);

    public string Name => "impossible-speed";

    public bool Drops(PositionRecord record, PositionRecord? lastAccepted, DateTime nowUtc)
    {
        if (lastAccepted is null)
        {
            return false;
        }

        var meters = GeoDistance.HaversineMeters(lastAccepted.Lat, lastAccepted.Lon, record.Lat, record.Lon);
        var seconds = Math.Abs((record.Time - lastAccepted.Time).TotalSeconds);
        var impossible = meters > MinDistanceM && meters > maxKmh / 3.6 * Math.Max(seconds, 1);
        if (!impossible)
        {
            _consecutive.Remove(record.DeviceId);
            return false;
        }

        var count = _consecutive.GetValueOrDefault(record.DeviceId) + 1;
        if (count > maxConsecutive)
        {
            _consecutive.Remove(record.DeviceId);
            return false;
        }

        _consecutive[record.DeviceId] = count;
        return true;
    }
}
