using Telematics.Devices.Routes;
using Telematics.Ingest.Protocols;

namespace Telematics.Devices.Fleet;

/// <summary>
/// A vehicle driving back and forth along a route in simulated time: cruise speed with noise,
/// breaks, a stop at each end, and the misbehaviours it was switched to. Deterministic for a
/// given seed. Not thread-safe: one task drives it.
/// </summary>
public sealed class SimulatedVehicle
{
    private static readonly TimeSpan BreakEvery = TimeSpan.FromHours(3.5);
    private static readonly TimeSpan BreakLength = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan EndStop = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SpeedingEvery = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan SpeedingLength = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan DetourEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan DetourLength = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan OfflineEvery = TimeSpan.FromHours(2);
    private static readonly TimeSpan OfflineLength = TimeSpan.FromMinutes(15);

    private readonly Random _random;
    private readonly RoutePath _route;
    private readonly DateTime _start;
    private double _distanceM;
    private int _direction = 1;
    private TimeSpan _drivenSinceBreak;
    private TimeSpan _drivenTotal;
    private DateTime _stoppedUntil;
    private double _odometerKm;

    public SimulatedVehicle(string deviceId, RoutePath route, VehicleBehaviours behaviours, DateTime startUtc, int seed, double cruiseKmh = 60)
    {
        DeviceId = deviceId;
        _route = route;
        Behaviours = behaviours;
        Time = startUtc;
        _start = startUtc;
        CruiseKmh = cruiseKmh;
        _random = new Random(seed);
        _distanceM = _random.NextDouble() * route.LengthM;
        _odometerKm = 10_000 + _random.Next(100_000);
        ReportInterval = TimeSpan.FromSeconds(10 + _random.Next(21));
    }

    public string DeviceId { get; }

    public VehicleBehaviours Behaviours { get; }

    public double CruiseKmh { get; }

    public string RouteName => _route.Name;

    /// <summary>Simulated time of the last report.</summary>
    public DateTime Time { get; private set; }

    /// <summary>10–30 s, fixed per vehicle, as devices are configured.</summary>
    public TimeSpan ReportInterval { get; }

    /// <summary>True while the vehicle is in one of its offline stretches (its records are buffered).</summary>
    public bool IsOffline => Behaviours.HasFlag(VehicleBehaviours.OfflineFlush) && InWindow(Time - _start, OfflineEvery, OfflineLength);

    /// <summary>Advances by one report interval and returns the record the device reports then.</summary>
    public DecodedRecord Next()
    {
        Time += ReportInterval;
        var speed = NextSpeed();
        var travelled = speed / 3.6 * ReportInterval.TotalSeconds;
        if (speed > 0)
        {
            _drivenSinceBreak += ReportInterval;
            _drivenTotal += ReportInterval;
        }

        _odometerKm += travelled / 1000;
        _distanceM += _direction * travelled;
        if ((_direction > 0 && _distanceM >= _route.LengthM) || (_direction < 0 && _distanceM <= 0))
        {
            // At an end of the route (a gate, a depot): stop, then drive back.
            _distanceM = Math.Clamp(_distanceM, 0, _route.LengthM);
            _direction = -_direction;
            _stoppedUntil = Time + EndStop;
        }

        var offset = Behaviours.HasFlag(VehicleBehaviours.LeaveRoute) && InWindow(_drivenTotal, DetourEvery, DetourLength) ? 500 : 0;
        var (lat, lon, heading) = _route.PointAt(_distanceM, offset);
        if (_direction < 0)
        {
            heading = (heading + 180) % 360;
        }

        return new DecodedRecord
        {
            TimeMs = new DateTimeOffset(Time).ToUnixTimeMilliseconds(),
            Lat = Math.Round(lat, 6),
            Lon = Math.Round(lon, 6),
            SpeedKmh = Math.Round(speed),
            Heading = heading,
            AltitudeM = 250 + _random.Next(30),
            Satellites = 8 + _random.Next(5),
            Valid = true,
            Ignition = speed > 0 || Time < _stoppedUntil - BreakLength,
            OdometerKm = Math.Round(_odometerKm, 1),
        };
    }

    private double NextSpeed()
    {
        if (Time < _stoppedUntil)
        {
            return 0;
        }

        if (!Behaviours.HasFlag(VehicleBehaviours.NoBreaks) && _drivenSinceBreak >= BreakEvery)
        {
            _drivenSinceBreak = TimeSpan.Zero;
            _stoppedUntil = Time + BreakLength;
            return 0;
        }

        var speed = CruiseKmh + ((_random.NextDouble() - 0.5) * 8);
        if (Behaviours.HasFlag(VehicleBehaviours.Speeding) && InWindow(_drivenTotal, SpeedingEvery, SpeedingLength))
        {
            speed = CruiseKmh + 25 + (_random.NextDouble() * 4);
        }

        return Math.Max(5, speed);
    }

    /// <summary>True during the first <paramref name="length"/> of every <paramref name="every"/> period after the first one.</summary>
    private static bool InWindow(TimeSpan elapsed, TimeSpan every, TimeSpan length) =>
        elapsed >= every && elapsed.Ticks % every.Ticks < length.Ticks;
}
