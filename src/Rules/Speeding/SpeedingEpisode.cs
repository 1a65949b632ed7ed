using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Rules.Speeding;

/// <summary>A speeding episode in progress (serialisable rule state).</summary>
public sealed record SpeedingEpisode
{
    public required DateTime Start { get; init; }

    /// <summary>Time of the last packet over the limit.</summary>
    public required DateTime LastOver { get; init; }

    public double OverSeconds { get; init; }

    public double DistanceM { get; init; }

    public double MaxSpeedKmh { get; init; }

    /// <summary>The limit where the maximum was reached.</summary>
    public double LimitAtMaxKmh { get; init; }

    public double SpeedSum { get; init; }

    public int Packets { get; init; }

    public string? Corridor { get; init; }

    public string? LimitSource { get; init; }

    public DeviceAlarms Alarms { get; init; }

    public EvidenceTrack Evidence { get; init; } = EvidenceTrack.Empty;
}
