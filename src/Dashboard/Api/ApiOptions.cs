namespace Telematics.Dashboard.Api;

/// <summary>The agency API: section <c>Telematics:Dashboard:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Telematics:Dashboard:Api";

    /// <summary>Requests each key may make per minute (a token bucket: short bursts up to this many, refilled evenly).</summary>
    public int RequestsPerMinute { get; set; } = 600;
}
