using Telematics.Rules.Cases;

namespace Telematics.Rules.CorridorStops;

/// <summary>A vehicle standing on a no-stopping stretch (serialisable rule state).</summary>
public sealed record StopEpisode
{
    public required string Stretch { get; init; }

    public string? Corridor { get; init; }

    public required DateTime Start { get; init; }

    public required DateTime LastStopped { get; init; }

    public required double MaxStopSeconds { get; init; }

    public EvidenceTrack Evidence { get; init; } = EvidenceTrack.Empty;
}
