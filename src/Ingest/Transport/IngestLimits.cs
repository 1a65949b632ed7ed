namespace Telematics.Ingest.Transport;

/// <summary>Bounds on what one device can cost the server. Section <c>Telematics:Limits</c>.</summary>
public sealed class IngestLimits
{
    public const string Section = "Telematics:Limits";

    /// <summary>Open connections per listener; one more is closed at once, with a log line.</summary>
    public int MaxConnections { get; set; } = 100_000;

    /// <summary>Largest frame a device may send.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes skipped while looking for a frame start before the connection is closed.</summary>
    public int MaxGarbageBytes { get; set; } = 4096;

    /// <summary>A connection that has not identified its device by then is closed.</summary>
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection silent for this long is closed (devices reconnect).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
