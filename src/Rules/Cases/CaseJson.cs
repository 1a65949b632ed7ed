using System.Text.Json;
using Telematics.Rules.Positions;

namespace Telematics.Rules.Cases;

/// <summary>A case as one JSON object (replay output, exports, the API): every field, times ISO-8601 UTC.</summary>
public static class CaseJson
{
    public static void Write(Utf8JsonWriter json, RaisedCase c, string? status = null)
    {
        json.WriteStartObject();
        json.WriteString("id", c.CaseId);
        json.WriteString("kind", c.Kind);
        if (status is not null)
        {
            json.WriteString("status", status);
        }

        json.WriteString("deviceId", c.DeviceId);
        WriteOptional(json, "plate", c.Plate);
        WriteOptional(json, "vehicleClass", c.VehicleClass);
        WriteOptional(json, "operator", c.Operator);
        WriteOptional(json, "driverId", c.DriverId);
        WriteOptional(json, "corridor", c.Corridor);
        json.WriteString("start", PositionRecordJson.FormatTime(c.Start));
        json.WriteString("end", PositionRecordJson.FormatTime(c.End));
        json.WriteStartObject("measured");
        foreach (var (name, value) in c.Measured)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        WriteOptional(json, "band", c.Band);
        json.WriteString("legalReference", c.LegalReference);
        if (c.Fine is { } fine)
        {
            json.WriteStartObject("fine");
            json.WriteNumber("minVnd", fine.MinVnd);
            json.WriteNumber("maxVnd", fine.MaxVnd);
            json.WriteNumber("licencePoints", fine.LicencePoints);
            json.WriteEndObject();
        }

        if (c.DeviceAlarms != DeviceAlarms.None)
        {
            json.WriteStartArray("deviceAlarms");
            foreach (var name in DeviceAlarmNames.ToNames(c.DeviceAlarms))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("evidence");
        foreach (var e in c.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("time", PositionRecordJson.FormatTime(e.Time));
            json.WriteNumber("lat", e.Lat);
            json.WriteNumber("lon", e.Lon);
            json.WriteNumber("speedKmh", e.SpeedKmh);
            if (e.LimitKmh is { } limit)
            {
                json.WriteNumber("limitKmh", limit);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string ToJson(RaisedCase c, string? status = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, c, status);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
