namespace Telematics.Ingest.Transport;

/// <summary>What happened on a device connection: identified (connected), closed, or a bad frame.</summary>
public enum DeviceConnectionEvent
{
    Connected,
    Disconnected,
    BadFrame,
}

/// <summary>One connection event, with the device when it had identified itself.</summary>
public sealed record DeviceEvent(DateTime TimeUtc, DeviceConnectionEvent Kind, string Protocol, string? DeviceId, string? Reason, string? Remote);

/// <summary>
/// Told of device connection events (never of good frames). Called on the connection's task: must
/// not block (InfluxDB's "device" points only go into the writer's current batch).
/// </summary>
public interface IDeviceEventObserver
{
    void OnDeviceEvent(DeviceEvent deviceEvent);
}
