using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Pipeline;

namespace Telematics.Dashboard.Map;

/// <summary>
/// The recent tracks of the all-in-one mode without InfluxDB: a pipeline consumer keeping one point
/// per vehicle per <see cref="MapOptions.TrackSampleInterval"/> for <see cref="MapOptions.TrackRetention"/>
/// (by default one per 30 s for 3 h: 360 points, about 5 KB per vehicle). Late records (history
/// sent after newer ones) are not inserted. Thread-safe.
/// </summary>
public sealed class RecentTrackBuffer(IOptions<MapOptions> options) : IPositionConsumer
{
    private readonly ConcurrentDictionary<string, VehicleTrack> _tracks = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval = options.Value.TrackSampleInterval;
    private readonly int _capacity = (int)Math.Max(1, Math.Ceiling(options.Value.TrackRetention / options.Value.TrackSampleInterval)) + 1;

    /// <summary>Points kept per vehicle at most.</summary>
    public int Capacity => _capacity;

    public TimeSpan Retention => options.Value.TrackRetention;

    public ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken)
    {
        if (!position.Late)
        {
            var r = position.Record;
            _tracks.GetOrAdd(r.DeviceId, _ => new VehicleTrack(_capacity)).Add(r.Time, r.Lat, r.Lon, r.SpeedKmh, _interval);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A vehicle's kept points since <paramref name="fromUtc"/>, oldest first (empty when none).</summary>
    public IReadOnlyList<MapTrackPoint> Track(string deviceId, DateTime fromUtc) =>
        _tracks.TryGetValue(deviceId, out var track) ? track.Since(fromUtc) : [];
}
