using Telematics.Rules.CorridorStops;
using Telematics.Rules.GateQueues;
using Telematics.Rules.RouteDeviation;
using Telematics.Rules.Speeding;

namespace Telematics.Rules.Engine;

/// <summary>
/// Everything the rules remember about one vehicle: a plain value (System.Text.Json round-trips
/// it), so that it can be saved at shutdown and restored, or moved to another node, and a restart
/// mid-episode neither loses nor repeats a case. Episodes are null while nothing is going on.
/// </summary>
public record struct VehicleRuleState
{
    public LastFix? Last { get; init; }

    public SpeedingEpisode? Speeding { get; init; }

    public RouteEpisode? Route { get; init; }

    public StopEpisode? Stop { get; init; }

    public GatePresence? Gate { get; init; }
}
