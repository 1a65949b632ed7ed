using Telematics.Rules.Positions;

namespace Telematics.Rules.Tests.Support;

/// <summary>
/// Builds exact tracks compactly: a vehicle driving east along latitude 21.85 from longitude
/// 106.70 (the test scenario's road), one packet per step, at the speeds given.
/// </summary>
public sealed class Track
{
    public static readonly DateTime T0 = new(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc);

    private readonly List<PositionRecord> _points = [];
    private DateTime _time = T0;
    private double _lon = 106.70;
    private double _offsetM;

    public string DeviceId { get; init; } = "V1";

    public IReadOnlyList<PositionRecord> Points => _points;

    /// <summary>Packets every <paramref name="everyS"/> s for <paramref name="forS"/> s at <paramref name="speedKmh"/> (the first one <paramref name="everyS"/> s after the previous).</summary>
    public Track Drive(double speedKmh, int forS, int everyS = 1)
    {
        for (var t = everyS; t <= forS; t += everyS)
        {
            _time = _time.AddSeconds(everyS);
            _lon += speedKmh / 3.6 * everyS / (111_320 * Math.Cos(21.85 * Math.PI / 180));
            Add(speedKmh);
        }

        return this;
    }

    /// <summary>One packet at the current place, <paramref name="afterS"/> s later.</summary>
    public Track Packet(double speedKmh, int afterS = 1)
    {
        _time = _time.AddSeconds(afterS);
        Add(speedKmh);
        return this;
    }

    /// <summary>Nothing is received for <paramref name="seconds"/> (the vehicle keeps its place).</summary>
    public Track Gap(int seconds)
    {
        _time = _time.AddSeconds(seconds);
        return this;
    }

    /// <summary>Moves the track <paramref name="metres"/> north of the road (0 is back on it).</summary>
    public Track Offset(double metres)
    {
        _offsetM = metres;
        return this;
    }

    public DateTime Now => _time;

    public static DateTime At(int seconds) => T0.AddSeconds(seconds);

    private void Add(double speedKmh) => _points.Add(new PositionRecord
    {
        DeviceId = DeviceId,
        Time = _time,
        Lat = 21.85 + (_offsetM / 110_574.0),
        Lon = _lon,
        SpeedKmh = speedKmh,
        Valid = true,
        Satellites = 10,
    });
}
