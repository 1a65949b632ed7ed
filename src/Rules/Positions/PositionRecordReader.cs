using System.Globalization;
using System.Text.Json;

namespace Telematics.Rules.Positions;

/// <summary>
/// Reads the normalised record JSON (what <c>decode</c> prints, what analysts replay, what MQTT
/// devices may publish): required deviceId, time (ISO-8601), lat, lon; the other contract fields
/// optional. Unknown fields are ignored; a known field of the wrong type or out of range is an
/// error with a reason naming the field.
/// </summary>
public static class PositionRecordReader
{
    public static PositionRecord Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    public static PositionRecord Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a record must be a JSON object");
        }

        var lat = Number(e, "lat") ?? throw new FormatException("\"lat\" is required");
        var lon = Number(e, "lon") ?? throw new FormatException("\"lon\" is required");
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            throw new FormatException($"coordinates {lat},{lon} are out of range");
        }

        var timeText = String(e, "time") ?? throw new FormatException("\"time\" is required");
        if (!DateTime.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new FormatException($"\"time\" is not an ISO-8601 time: {timeText}");
        }

        var alarms = DeviceAlarms.None;
        if (e.TryGetProperty("alarms", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("\"alarms\" must be an array of names");
            }

            foreach (var a in list.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.String && DeviceAlarmNames.TryParse(a.GetString()!, out var alarm))
                {
                    alarms |= alarm;
                }
            }
        }

        return new PositionRecord
        {
            DeviceId = String(e, "deviceId") is { Length: > 0 } id ? id : throw new FormatException("\"deviceId\" is required"),
            Time = time,
            Lat = lat,
            Lon = lon,
            SpeedKmh = Number(e, "speedKmh") is { } speed ? (speed is >= 0 and < 1000 ? speed : throw new FormatException("\"speedKmh\" is out of range")) : 0,
            Heading = (int)(Number(e, "heading") ?? 0),
            AltitudeM = (int)(Number(e, "altitudeM") ?? 0),
            Satellites = (int)(Number(e, "satellites") ?? 0),
            Valid = Bool(e, "valid") ?? true,
            Ignition = Bool(e, "ignition"),
            OdometerKm = Number(e, "odometerKm"),
            DriverId = String(e, "driverId"),
            Alarms = alarms,
            Archived = Bool(e, "archived") ?? false,
        };
    }

    private static double? Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && double.IsFinite(v.GetDouble()) ? v.GetDouble() : throw new FormatException($"\"{name}\" must be a number");
    }

    private static string? String(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FormatException($"\"{name}\" must be a string");
    }

    private static bool? Bool(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"\"{name}\" must be true or false"),
        };
    }
}
