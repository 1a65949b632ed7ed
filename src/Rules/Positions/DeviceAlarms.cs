namespace Telematics.Rules.Positions;

/// <summary>
/// Alarms a device itself reports (JT808 alarm bits, GT06 alarm codes, Teltonika event IOs).
/// They are corroborating evidence only: the rules make their own computation.
/// A bit set, so that a decoder sets them without allocating.
/// </summary>
[Flags]
public enum DeviceAlarms : ulong
{
    None = 0,
    Sos = 1UL << 0,
    Overspeed = 1UL << 1,
    FatigueDriving = 1UL << 2,
    DangerWarning = 1UL << 3,
    GnssFault = 1UL << 4,
    GnssAntennaOpen = 1UL << 5,
    GnssAntennaShort = 1UL << 6,
    LowPower = 1UL << 7,
    PowerCut = 1UL << 8,
    DisplayFault = 1UL << 9,
    TtsFault = 1UL << 10,
    CameraFault = 1UL << 11,
    IcCardFault = 1UL << 12,
    OverspeedWarning = 1UL << 13,
    FatigueWarning = 1UL << 14,
    Vibration = 1UL << 15,
    Tampering = 1UL << 16,
    DailyDrivingExceeded = 1UL << 18,
    OverlongParking = 1UL << 19,
    AreaEntryExit = 1UL << 20,
    RouteEntryExit = 1UL << 21,
    RoadSectionTime = 1UL << 22,
    RouteDeviation = 1UL << 23,
    VssFault = 1UL << 24,
    FuelAbnormal = 1UL << 25,
    Theft = 1UL << 26,
    IllegalIgnition = 1UL << 27,
    IllegalMovement = 1UL << 28,
    Collision = 1UL << 29,
    Rollover = 1UL << 30,
    IllegalDoorOpen = 1UL << 31,

    // Alarms that JT808 has no bit for, from GT06 and Teltonika.
    GeofenceEnter = 1UL << 32,
    GeofenceExit = 1UL << 33,
    LowBattery = 1UL << 34,
    PowerOff = 1UL << 35,
    Door = 1UL << 36,
    HarshAcceleration = 1UL << 37,
    HarshBraking = 1UL << 38,
    HarshCornering = 1UL << 39,
    Removal = 1UL << 40,
}
