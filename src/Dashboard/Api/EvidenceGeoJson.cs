using System.Text.Json.Nodes;
using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.Api;

/// <summary>
/// A case's evidence as a GeoJSON FeatureCollection (RFC 7946, lon/lat order): the track as one
/// LineString with the case's details, then one Point per report with its time, speed and limit,
/// so that a GIS tool can colour the points by speed.
/// </summary>
public static class EvidenceGeoJson
{
    public static JsonObject For(RaisedCase c)
    {
        var features = new JsonArray();
        if (c.Evidence.Count > 0)
        {
            features.Add(Feature(
                new JsonObject
                {
                    ["type"] = c.Evidence.Count == 1 ? "Point" : "LineString",
                    ["coordinates"] = c.Evidence.Count == 1 ? Position(c.Evidence[0]) : new JsonArray(c.Evidence.Select(e => (JsonNode)Position(e)).ToArray()),
                },
                new JsonObject
                {
                    ["role"] = "track",
                    ["caseId"] = c.CaseId,
                    ["kind"] = c.Kind,
                    ["deviceId"] = c.DeviceId,
                    ["plate"] = c.Plate,
                    ["start"] = PositionRecordJson.FormatTime(c.Start),
                    ["end"] = PositionRecordJson.FormatTime(c.End),
                }));
        }

        foreach (var e in c.Evidence)
        {
            features.Add(Feature(
                new JsonObject { ["type"] = "Point", ["coordinates"] = Position(e) },
                new JsonObject
                {
                    ["role"] = "report",
                    ["time"] = PositionRecordJson.FormatTime(e.Time),
                    ["speedKmh"] = e.SpeedKmh,
                    ["limitKmh"] = e.LimitKmh,
                }));
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonArray Position(EvidencePoint e) => [e.Lon, e.Lat];

    private static JsonObject Feature(JsonObject geometry, JsonObject properties) =>
        new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };
}
