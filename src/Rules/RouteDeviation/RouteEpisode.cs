using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Rules.RouteDeviation;

/// <summary>A vehicle off its assigned route (serialisable rule state).</summary>
public sealed record RouteEpisode
{
    public required string Route { get; init; }

    public required DateTime Start { get; init; }

    /// <summary>Last packet outside the route's width.</summary>
    public required DateTime LastOutside { get; init; }

    /// <summary>Since when the vehicle is back inside, while the episode waits to see it stay there.</summary>
    public DateTime? BackInsideSince { get; init; }

    public double DistanceM { get; init; }

    public double MaxDistanceFromRouteM { get; init; }

    public double WidthM { get; init; }

    public string? Corridor { get; init; }

    public DeviceAlarms Alarms { get; init; }

    /// <summary>The detour's track.</summary>
    public EvidenceTrack Evidence { get; init; } = EvidenceTrack.Empty;
}
