using Telematics.Rules.Positions;

namespace Telematics.Rules.Cases;

/// <summary>One point of a case's evidence track, with the limit in force there when the rule has one.</summary>
public readonly record struct EvidencePoint(DateTime Time, double Lat, double Lon, double SpeedKmh, double? LimitKmh, DeviceAlarms Alarms)
{
    public static EvidencePoint From(PositionRecord p, double? limitKmh = null) =>
        new(p.Time, p.Lat, p.Lon, p.SpeedKmh, limitKmh, p.Alarms);
}
