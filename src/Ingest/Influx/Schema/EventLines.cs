using Telematics.Ingest.Influx.LineProtocol;

namespace Telematics.Ingest.Influx.Schema;

/// <summary>Lines of the "violation" and "device" measurements (rare: written with text keys).</summary>
public static class EventLines
{
    public static bool Write(LineBuffer buffer, ViolationPoint violation)
    {
        var line = new LineWriter(buffer, "violation"u8);
        line.Tag("corridor"u8, violation.Corridor);
        line.Tag("kind"u8, violation.Kind);
        line.Tag("operator"u8, violation.Operator);
        line.Tag("vehicle"u8, violation.Vehicle);
        line.Field("case_id"u8, violation.CaseId);
        line.Field("device"u8, violation.Device);
        foreach (var (name, value) in violation.Measured)
        {
            line.Field(name, value);
        }

        return line.End(PositionLine.ToUnixMilliseconds(violation.Time));
    }

    public static bool Write(LineBuffer buffer, DeviceEventPoint point)
    {
        var line = new LineWriter(buffer, "device"u8);
        line.Tag("device"u8, point.DeviceId);
        line.Tag("event"u8, point.Kind switch
        {
            DeviceEventKind.Connected => "connected",
            DeviceEventKind.Disconnected => "disconnected",
            _ => "bad-frame",
        });
        line.Tag("protocol"u8, point.Protocol);
        line.Field("count"u8, 1L);
        line.Field("reason"u8, point.Reason);
        line.Field("remote"u8, point.Remote);
        return line.End(PositionLine.ToUnixMilliseconds(point.Time));
    }
}
