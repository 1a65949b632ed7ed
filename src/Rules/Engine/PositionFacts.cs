using Telematics.Rules.Positions;
using Telematics.Rules.Scenario;

namespace Telematics.Rules.Engine;

/// <summary>
/// What the engine works out once per position for every rule: where it is in metres, the limit
/// in force, the corridor, the zones it is in, the assigned route and the distance from it.
/// </summary>
public readonly record struct PositionFacts(
    PositionRecord Position,
    double X,
    double Y,
    double LimitKmh,
    string LimitSource,
    string? Corridor,
    ScenarioZone? NoStopping,
    ScenarioZone? GateZone,
    ScenarioZone? Route,
    double RouteDistanceM);
