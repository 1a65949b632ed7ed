namespace Telematics.Devices.Fleet;

/// <summary>Misbehaviours a simulated vehicle can be switched to, to exercise the rules and the pipeline.</summary>
[Flags]
public enum VehicleBehaviours
{
    None = 0,

    /// <summary>Every ~30 min of driving, 3 minutes at about 25 km/h over its cruise speed.</summary>
    Speeding = 1,

    /// <summary>Every ~hour, 10 minutes about 500 m off its route.</summary>
    LeaveRoute = 2,

    /// <summary>Drives on without the 20-minute break normal drivers take every 3.5 h.</summary>
    NoBreaks = 4,

    /// <summary>Every ~2 h goes offline for 15 minutes, buffering its records, then sends them late.</summary>
    OfflineFlush = 8,
}
