namespace Telematics.Ingest.Influx.Schema;

/// <summary>
/// A connection event of a device as a point of the "device" measurement. Tags: protocol,
/// event (three values) and device (one per device, as in "position"); fields: count (1, so
/// that <c>SELECT sum(count) ... GROUP BY time(1h), event</c> charts them), the reason of a bad
/// frame or a close, and the remote address (free text, unbounded: fields).
/// </summary>
public sealed record DeviceEventPoint(
    DateTime Time,
    DeviceEventKind Kind,
    string Protocol,
    string? DeviceId,
    string? Reason = null,
    string? Remote = null);
