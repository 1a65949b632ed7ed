namespace Telematics.Rules.GateQueues;

/// <summary>
/// A vehicle entering (<see cref="LeftAt"/> null) or leaving a gate zone: the events the live
/// queue figures (occupancy, dwell median and p90) are built from. Not cases.
/// </summary>
public sealed record GateVisit(string DeviceId, string Zone, string? Gate, string Kind, DateTime EnteredAt, DateTime? LeftAt)
{
    public TimeSpan? Dwell => LeftAt - EnteredAt;
}
