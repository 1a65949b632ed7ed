namespace Telematics.Dashboard.Map;

/// <summary>
/// One vehicle's recent track, sampled: a ring of at most <c>capacity</c> points, 14 bytes each
/// (time in whole seconds, position in 1e-6°, speed in 0.1 km/h), grown on demand so that a
/// vehicle seen once costs little. Each kept point carries the highest speed since the previous
/// kept point, as InfluxDB's downsampled tracks do, so that a short burst of speeding still shows.
/// Thread-safe (one writer, many readers, under a lock).
/// </summary>
public sealed class VehicleTrack(int capacity)
{
    private const double Scale = 1e6;
    private readonly Lock _gate = new();
    private uint[] _seconds = new uint[Math.Min(16, capacity)];
    private int[] _lat = new int[Math.Min(16, capacity)];
    private int[] _lon = new int[Math.Min(16, capacity)];
    private ushort[] _speed = new ushort[Math.Min(16, capacity)];
    private int _start;
    private int _count;
    private DateTime _lastKept;
    private double _maxSince;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Takes a position when at least <paramref name="interval"/> after the last kept one; otherwise only its speed counts.</summary>
    public void Add(DateTime time, double lat, double lon, double speedKmh, TimeSpan interval)
    {
        lock (_gate)
        {
            _maxSince = Math.Max(_maxSince, speedKmh);
            if (_count > 0 && time - _lastKept < interval)
            {
                return;
            }

            if (_count == _seconds.Length && _count < capacity)
            {
                Grow(Math.Min(capacity, _count * 2));
            }

            var index = (_start + _count) % _seconds.Length;
            if (_count == _seconds.Length)
            {
                // Full: the oldest point goes.
                index = _start;
                _start = (_start + 1) % _seconds.Length;
            }
            else
            {
                _count++;
            }

            _seconds[index] = (uint)Math.Max(0, (time - DateTime.UnixEpoch).TotalSeconds);
            _lat[index] = (int)Math.Round(lat * Scale);
            _lon[index] = (int)Math.Round(lon * Scale);
            _speed[index] = (ushort)Math.Clamp(Math.Round(_maxSince * 10), 0, ushort.MaxValue);
            _lastKept = time;
            _maxSince = 0;
        }
    }

    /// <summary>The kept points at or after <paramref name="fromUtc"/>, oldest first.</summary>
    public List<MapTrackPoint> Since(DateTime fromUtc)
    {
        var from = (fromUtc - DateTime.UnixEpoch).TotalSeconds;
        lock (_gate)
        {
            var points = new List<MapTrackPoint>(_count);
            for (var i = 0; i < _count; i++)
            {
                var index = (_start + i) % _seconds.Length;
                if (_seconds[index] >= from)
                {
                    points.Add(new MapTrackPoint(DateTime.UnixEpoch.AddSeconds(_seconds[index]), _lat[index] / Scale, _lon[index] / Scale, _speed[index] / 10.0));
                }
            }

            return points;
        }
    }

    private void Grow(int size)
    {
        // The ring is not wrapped while it grows (it only wraps once at capacity), so a plain resize keeps the order.
        Array.Resize(ref _seconds, size);
        Array.Resize(ref _lat, size);
        Array.Resize(ref _lon, size);
        Array.Resize(ref _speed, size);
    }
}

/// <summary>One point of a vehicle's track as the map draws it.</summary>
public readonly record struct MapTrackPoint(DateTime Time, double Lat, double Lon, double SpeedKmh);
