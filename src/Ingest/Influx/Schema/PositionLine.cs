using System.Runtime.CompilerServices;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Influx.Schema;

/// <summary>
/// One position as a line of the "position" measurement:
/// <c>position,class=truck,device=356307042441013,operator=Hoang\ Long,vehicle=12C-345.67 lat=21.85,lon=106.76,speed=62.5,heading=180i,altitude=260i,satellites=9i,valid=true,ignition=true,odometer=12034.5,driver="D-01",alarms=0i,late=false,archived=false 1732800000000</c>.
/// Tags in key order (InfluxDB sorts them anyway; sorted input saves it the work).
/// A point's identity is its series (the tags) and its time, so a record written twice
/// (a retry, a replayed spool) overwrites itself: delivery is at least once, storage exactly once.
/// </summary>
public static class PositionLine
{
    // The measurement and tag set of a registered vehicle, rendered once per registry entry (entries
    // are immutable; a reloaded registry brings new ones and the old keys go with them).
    private static readonly ConditionalWeakTable<DeviceEntry, byte[]> SeriesKeys = new();

    public static bool Write(LineBuffer buffer, PositionRecord record, DeviceEntry? vehicle, bool late)
    {
        var line = vehicle is not null && string.Equals(vehicle.DeviceId, record.DeviceId, StringComparison.Ordinal)
            ? new LineWriter(buffer, SeriesKeys.GetValue(vehicle, RenderSeriesKey))
            : WriteSeriesKey(buffer, record.DeviceId, vehicle);
        line.Field("lat"u8, record.Lat);
        line.Field("lon"u8, record.Lon);
        line.Field("speed"u8, record.SpeedKmh);
        line.Field("heading"u8, (long)record.Heading);
        line.Field("altitude"u8, (long)record.AltitudeM);
        line.Field("satellites"u8, (long)record.Satellites);
        line.Field("valid"u8, record.Valid);
        if (record.Ignition is { } ignition)
        {
            line.Field("ignition"u8, ignition);
        }

        if (record.OdometerKm is { } odometer)
        {
            line.Field("odometer"u8, odometer);
        }

        line.Field("driver"u8, record.DriverId ?? vehicle?.Driver);
        line.Field("alarms"u8, unchecked((long)(ulong)record.Alarms));
        line.Field("late"u8, late);
        line.Field("archived"u8, record.Archived);
        return line.End(ToUnixMilliseconds(record.Time));
    }

    private static LineWriter WriteSeriesKey(LineBuffer buffer, string deviceId, DeviceEntry? vehicle)
    {
        var line = new LineWriter(buffer, "position"u8);
        if (vehicle is not null)
        {
            line.Tag("class"u8, vehicle.VehicleClass == VehicleClass.Unknown ? null : InfluxSchema.ClassName(vehicle.VehicleClass));
        }

        line.Tag("device"u8, deviceId);
        if (vehicle is not null)
        {
            line.Tag("operator"u8, vehicle.Operator);
            line.Tag("vehicle"u8, vehicle.Plate);
        }

        return line;
    }

    private static byte[] RenderSeriesKey(DeviceEntry vehicle)
    {
        using var scratch = new LineBuffer(512);
        var line = WriteSeriesKey(scratch, vehicle.DeviceId, vehicle);
        line.Field("x"u8, 0L);
        line.End(0);
        var text = scratch.WrittenSpan;
        return text[..text.IndexOf(" x=0i 0\n"u8)].ToArray();
    }

    public static long ToUnixMilliseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
