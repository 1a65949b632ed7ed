using System.Globalization;
using System.Text.Json;
using Telematics.Rules.Positions;

namespace Telematics.Rules.Cases;

/// <summary>Reads back what <see cref="CaseJson"/> wrote (the case store keeps cases in that form).</summary>
public static class CaseJsonReader
{
    public static RaisedCase Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var e = doc.RootElement;
        var alarms = DeviceAlarms.None;
        if (e.TryGetProperty("deviceAlarms", out var list))
        {
            foreach (var a in list.EnumerateArray())
            {
                if (DeviceAlarmNames.TryParse(a.GetString()!, out var alarm))
                {
                    alarms |= alarm;
                }
            }
        }

        return new RaisedCase
        {
            Kind = e.GetProperty("kind").GetString()!,
            DeviceId = e.GetProperty("deviceId").GetString()!,
            Plate = Optional(e, "plate"),
            VehicleClass = Optional(e, "vehicleClass"),
            Operator = Optional(e, "operator"),
            DriverId = Optional(e, "driverId"),
            Corridor = Optional(e, "corridor"),
            Start = Time(e.GetProperty("start")),
            End = Time(e.GetProperty("end")),
            Measured = e.GetProperty("measured").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            Band = Optional(e, "band"),
            LegalReference = e.GetProperty("legalReference").GetString()!,
            Fine = e.TryGetProperty("fine", out var f)
                ? new FineRange(f.GetProperty("minVnd").GetInt64(), f.GetProperty("maxVnd").GetInt64(), f.GetProperty("licencePoints").GetInt32())
                : null,
            DeviceAlarms = alarms,
            Evidence = e.GetProperty("evidence").EnumerateArray().Select(p => new EvidencePoint(
                Time(p.GetProperty("time")),
                p.GetProperty("lat").GetDouble(),
                p.GetProperty("lon").GetDouble(),
                p.GetProperty("speedKmh").GetDouble(),
                p.TryGetProperty("limitKmh", out var l) ? l.GetDouble() : null,
                DeviceAlarms.None)).ToArray(),
        };
    }

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static DateTime Time(JsonElement e) =>
        DateTime.Parse(e.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
