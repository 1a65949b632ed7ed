namespace Telematics.Ingest.Transport;

/// <summary>Section <c>Telematics</c>: where the worker listens.</summary>
public sealed class IngestOptions
{
    public const string Section = "Telematics";

    /// <summary>Address the device listeners bind to. Devices come from outside: all interfaces by default.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Health (/healthz) and metrics (/metrics) over HTTP, on loopback; 0 picks a free port, -1 turns it off.</summary>
    public int HttpPort { get; set; } = 8081;

    public Dictionary<string, ListenerOptions> Listeners { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
