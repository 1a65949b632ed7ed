namespace Telematics.Rules.Scenario;

/// <summary>What <see cref="ScenarioMap.Locate"/> found at a position.</summary>
/// <param name="LimitZone">The speed zone, else the corridor, whose limit applies (null: the jurisdiction default).</param>
/// <param name="Corridor">The corridor's name.</param>
/// <param name="NoStopping">The no-stopping stretch.</param>
/// <param name="GateZone">The holding yard, else the approach zone.</param>
public readonly record struct ZoneHits(ScenarioZone? LimitZone, string? Corridor, ScenarioZone? NoStopping, ScenarioZone? GateZone);
