using Telematics.Ingest.Influx.Delivery;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Transport;

namespace Telematics.Ingest.Influx;

/// <summary>Device connections, disconnections and bad frames as points of the "device" measurement.</summary>
public sealed class InfluxDeviceEventSink(InfluxWriter writer) : IDeviceEventObserver
{
    public void OnDeviceEvent(DeviceEvent deviceEvent) =>
        writer.WriteDeviceEvent(new DeviceEventPoint(
            deviceEvent.TimeUtc,
            deviceEvent.Kind switch
            {
                DeviceConnectionEvent.Connected => DeviceEventKind.Connected,
                DeviceConnectionEvent.Disconnected => DeviceEventKind.Disconnected,
                _ => DeviceEventKind.BadFrame,
            },
            deviceEvent.Protocol,
            deviceEvent.DeviceId,
            deviceEvent.Reason,
            deviceEvent.Remote));
}
