namespace Telematics.Ingest.Influx.Queries;

/// <summary>A track: a vehicle (plate) or a device, a time range [From, To), optionally downsampled to one point per interval.</summary>
public sealed record TrackQuery
{
    public string? Vehicle { get; init; }

    public string? Device { get; init; }

    public required DateTime From { get; init; }

    public required DateTime To { get; init; }

    /// <summary>GROUP BY time(...): the last position and the highest speed of each interval.</summary>
    public TimeSpan? Downsample { get; init; }
}
