namespace Telematics.Rules.Profiles;

/// <summary>Stopping on a no-stopping stretch of a corridor (trucks parked on the highway cause the jams).</summary>
public sealed record CorridorStopParameters
{
    /// <summary>A stop longer than this on a no-stopping stretch is a case.</summary>
    public TimeSpan MaxStop { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At or below this speed the vehicle counts as stopped (GPS drift at rest reads a few km/h).</summary>
    public double StoppedBelowKmh { get; init; } = 3;

    public string LegalReference { get; init; } = "Law 36/2024 Art. 18 (stopping and parking); Decree 168/2024 Art. 6";
}
