using Telematics.Rules.Cases;

namespace Telematics.Rules.Profiles;

/// <summary>How a speeding episode is recognised and graded (DESIGN.md "Speeding"; regulation.md §2, §4).</summary>
public sealed record SpeedingParameters
{
    /// <summary>An episode starts when speed exceeds the limit by more than this.</summary>
    public double ToleranceKmh { get; init; } = 5;

    /// <summary>Packets further apart than this end the episode (the speed between them is unknown).</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>An episode becomes a case when its time over the limit exceeds this.</summary>
    public TimeSpan MinDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Overspeed bands, ascending by <see cref="OverspeedBand.FromKmh"/>: the last one whose start the overspeed reaches applies.</summary>
    public IReadOnlyList<OverspeedBand> Bands { get; init; } = [];
}

/// <summary>An overspeed band: from <see cref="FromKmh"/> over the limit, its label, fine and clause.</summary>
public sealed record OverspeedBand(double FromKmh, string Label, FineRange? Fine, string LegalReference);
