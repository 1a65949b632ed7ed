namespace Telematics.Ingest.Protocols;

public enum DecodeStatus
{
    /// <summary>Good frame: its records (possibly none) are appended and its reply written.</summary>
    Accepted,

    /// <summary>Not good data (bad checksum, malformed body, unsupported message). Counted and logged; no ack so the device resends; the connection stays.</summary>
    Rejected,

    /// <summary>Close the connection after sending whatever reply was written (login refused, protocol violated).</summary>
    Close,
}

/// <summary>What decoding a frame came to. <see cref="Reason"/> is a constant string: no formatting on the hot path.</summary>
public readonly record struct DecodeResult(DecodeStatus Status, string? Reason)
{
    public static DecodeResult Accepted => new(DecodeStatus.Accepted, null);

    public static DecodeResult Reject(string reason) => new(DecodeStatus.Rejected, reason);

    public static DecodeResult Close(string reason) => new(DecodeStatus.Close, reason);
}
