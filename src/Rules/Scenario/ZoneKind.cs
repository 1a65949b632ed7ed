namespace Telematics.Rules.Scenario;

/// <summary>What a scenario feature is, as its <c>kind</c> property spells it.</summary>
public enum ZoneKind
{
    /// <summary>"corridor": a named road to a border gate with its own limits.</summary>
    Corridor,

    /// <summary>"speed-zone": an area with its own limits (a town, a work zone).</summary>
    SpeedZone,

    /// <summary>"route": a route vehicles can be assigned to (deviation is measured from it).</summary>
    Route,

    /// <summary>"no-stopping": a stretch where a stop longer than the limit is a case.</summary>
    NoStopping,

    /// <summary>"approach-zone": the queue before a gate.</summary>
    ApproachZone,

    /// <summary>"holding-yard": where trucks wait for the gate.</summary>
    HoldingYard,
}
