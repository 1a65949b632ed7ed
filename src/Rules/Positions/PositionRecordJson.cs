using System.Globalization;
using System.Text.Json;

namespace Telematics.Rules.Positions;

/// <summary>
/// Writes the normalised record JSON of DESIGN.md: deviceId, time (ISO-8601 UTC), lat, lon,
/// speedKmh, heading, altitudeM, satellites, valid, then ignition, odometerKm, driverId,
/// alarms and io only where known.
/// </summary>
public static class PositionRecordJson
{
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static void Write(Utf8JsonWriter writer, PositionRecord record)
    {
        writer.WriteStartObject();
        if (record.DeviceId.Length == 0)
        {
            // A frame that does not carry its device (a Teltonika packet decoded without its login).
            writer.WriteNull("deviceId");
        }
        else
        {
            writer.WriteString("deviceId", record.DeviceId);
        }

        writer.WriteString("time", FormatTime(record.Time));
        writer.WriteNumber("lat", record.Lat);
        writer.WriteNumber("lon", record.Lon);
        writer.WriteNumber("speedKmh", record.SpeedKmh);
        writer.WriteNumber("heading", record.Heading);
        writer.WriteNumber("altitudeM", record.AltitudeM);
        writer.WriteNumber("satellites", record.Satellites);
        writer.WriteBoolean("valid", record.Valid);
        if (record.Ignition is { } ignition)
        {
            writer.WriteBoolean("ignition", ignition);
        }

        if (record.OdometerKm is { } odometer)
        {
            writer.WriteNumber("odometerKm", odometer);
        }

        if (record.DriverId is { } driver)
        {
            writer.WriteString("driverId", driver);
        }

        if (record.Alarms != DeviceAlarms.None)
        {
            writer.WriteStartArray("alarms");
            foreach (var name in DeviceAlarmNames.ToNames(record.Alarms))
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        if (record.Archived)
        {
            writer.WriteBoolean("archived", true);
        }

        if (record.Io.Count > 0)
        {
            writer.WriteStartObject("io");
            foreach (var io in record.Io)
            {
                if (io.Bytes is { } bytes)
                {
                    writer.WriteString(io.Key, Convert.ToHexStringLower(bytes));
                }
                else
                {
                    writer.WriteNumber(io.Key, io.Number);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static string FormatTime(DateTime utc) =>
        utc.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);
}
