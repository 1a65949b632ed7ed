namespace Telematics.Ingest.Influx.Http;

/// <summary>What InfluxDB said to one write request.</summary>
/// <param name="Status">What to do next.</param>
/// <param name="HttpStatus">The HTTP status, 0 when no answer came (timeout, refused).</param>
/// <param name="Error">InfluxDB's error text, or the transport error.</param>
/// <param name="RetryAfter">The server's Retry-After, when it sent one.</param>
public readonly record struct WriteOutcome(WriteStatus Status, int HttpStatus, string? Error, TimeSpan? RetryAfter = null)
{
    public static readonly WriteOutcome Written = new(WriteStatus.Written, 204, null);
}
