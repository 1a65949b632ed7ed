using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Rules.DrivingTime;

/// <summary>A position kept in <see cref="DrivingTimeState"/> for evidence: small, serialisable.</summary>
public readonly record struct DrivingTimePoint(DateTime Time, double Lat, double Lon, double SpeedKmh, DeviceAlarms Alarms)
{
    public static DrivingTimePoint From(PositionRecord p) => new(p.Time, p.Lat, p.Lon, p.SpeedKmh, p.Alarms);

    public EvidencePoint ToEvidence() => new(Time, Lat, Lon, SpeedKmh, null, Alarms);
}
