namespace Telematics.Ingest.Influx.Schema;

/// <summary>The "event" tag of the "device" measurement.</summary>
public enum DeviceEventKind
{
    Connected,
    Disconnected,
    BadFrame,
}
