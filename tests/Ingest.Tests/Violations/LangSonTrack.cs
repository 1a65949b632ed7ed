using Telematics.Devices.Routes;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Violations;

/// <summary>Exact tracks along the shipped scenario's QL1 Lạng Sơn → Hữu Nghị corridor (limit 70 for tractors and trucks, 80 otherwise).</summary>
public static class LangSonTrack
{
    public static readonly DateTime T0 = new(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>Packets every <paramref name="everyS"/> s: <paramref name="speeds"/> in order, starting 2 km along QL1.</summary>
    public static List<PositionRecord> Ql1(string deviceId, IEnumerable<double> speeds, int everyS = 10)
    {
        var route = RouteLibrary.LangSon()[0];
        var distance = 2000.0;
        var time = T0;
        var track = new List<PositionRecord>();
        foreach (var speed in speeds)
        {
            time = time.AddSeconds(everyS);
            distance += speed / 3.6 * everyS;
            var (lat, lon, heading) = route.PointAt(distance);
            track.Add(new PositionRecord { DeviceId = deviceId, Time = time, Lat = lat, Lon = lon, SpeedKmh = speed, Heading = heading, Valid = true, Satellites = 10 });
        }

        return track;
    }

    /// <summary>A tractor cruising at 60, then 90 for 2 minutes (limit 70), then 60 again: one speeding case of 110 s.</summary>
    public static List<PositionRecord> SpeedingTractor(string deviceId) =>
        Ql1(deviceId, Enumerable.Repeat(60.0, 6).Concat(Enumerable.Repeat(90.0, 12)).Concat(Enumerable.Repeat(60.0, 6)));
}
