using System.Text.Json;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// Cases as GeoJSON (RFC 7946, [lon, lat] WGS84): a case's evidence as a LineString carrying the
/// case's properties, followed by one Point per evidence point (time, speed, limit); the list
/// export is one LineString per case. Times ISO-8601 UTC, codes (kind, status) as stored.
/// </summary>
public static class CaseGeoJson
{
    public const string ContentType = "application/geo+json";

    public static void WriteEvidence(Utf8JsonWriter json, StoredCase stored)
    {
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        WriteTrack(json, stored);
        var evidence = stored.Case.Evidence;
        for (var i = 0; i < evidence.Count; i++)
        {
            var p = evidence[i];
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(p.Lon);
            json.WriteNumberValue(p.Lat);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("caseId", stored.Id);
            json.WriteNumber("seq", i + 1);
            json.WriteString("time", PositionRecordJson.FormatTime(p.Time));
            json.WriteNumber("speedKmh", p.SpeedKmh);
            if (p.LimitKmh is { } limit)
            {
                json.WriteNumber("limitKmh", limit);
            }
            else
            {
                json.WriteNull("limitKmh");
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The case as one Feature: a LineString of its evidence (a Point when it has one point, no geometry when none).</summary>
    public static void WriteTrack(Utf8JsonWriter json, StoredCase stored)
    {
        var c = stored.Case;
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", c.CaseId);
        if (c.Evidence.Count == 0)
        {
            json.WriteNull("geometry");
        }
        else
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", c.Evidence.Count == 1 ? "Point" : "LineString");
            if (c.Evidence.Count == 1)
            {
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(c.Evidence[0].Lon);
                json.WriteNumberValue(c.Evidence[0].Lat);
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("coordinates");
                foreach (var p in c.Evidence)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(p.Lon);
                    json.WriteNumberValue(p.Lat);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteStartObject("properties");
        json.WriteString("caseId", c.CaseId);
        json.WriteString("kind", c.Kind);
        json.WriteString("status", stored.Status);
        Optional(json, "assignee", stored.Assignee);
        json.WriteString("deviceId", c.DeviceId);
        Optional(json, "plate", c.Plate);
        Optional(json, "vehicleClass", c.VehicleClass);
        Optional(json, "operator", c.Operator);
        Optional(json, "driverId", c.DriverId);
        Optional(json, "corridor", c.Corridor);
        json.WriteString("start", PositionRecordJson.FormatTime(c.Start));
        json.WriteString("end", PositionRecordJson.FormatTime(c.End));
        json.WriteStartObject("measured");
        foreach (var (name, value) in c.Measured)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        Optional(json, "band", c.Band);
        json.WriteString("legalReference", c.LegalReference);
        if (c.Fine is { } fine)
        {
            json.WriteNumber("fineMinVnd", fine.MinVnd);
            json.WriteNumber("fineMaxVnd", fine.MaxVnd);
            json.WriteNumber("licencePoints", fine.LicencePoints);
        }

        json.WriteStartArray("deviceAlarms");
        foreach (var alarm in DeviceAlarmNames.ToNames(c.DeviceAlarms))
        {
            json.WriteStringValue(alarm);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
