using System.Globalization;
using System.Text.Json;
using Telematics.Rules.Geometry;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Scenario;

/// <summary>
/// Reads a scenario: a GeoJSON FeatureCollection whose features carry <c>kind</c> (corridor,
/// speed-zone, route, no-stopping, approach-zone, holding-yard; other kinds are landmarks),
/// <c>name</c>, and as they apply <c>widthM</c>, <c>radiusM</c> (a Point zone), <c>speedLimits</c>
/// (<c>{"default": 60, "truck": 50}</c>), <c>gate</c>, <c>corridor</c>, <c>maxStopMinutes</c>; and
/// at the top level <c>assignments</c>: <c>[{"vehicle": id or plate, "route": name, "validFrom", "validTo"}]</c>.
/// Every error names the feature.
/// </summary>
public static class ScenarioFile
{
    private const double DefaultLineWidthM = 50;
    private const double DefaultRouteWidthM = 150;

    public static ScenarioMap Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static ScenarioMap Parse(string geoJson, string source = "scenario")
    {
        using var doc = JsonDocument.Parse(geoJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{source}: not a GeoJSON FeatureCollection");
        }

        var projection = ProjectionFor(features);
        var zones = new List<ScenarioZone>();
        var landmarks = new List<Landmark>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var where = $"{source}: features[{index++}]";
            var props = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var name = String(props, "name") ?? throw new FormatException($"{where}: \"name\" is required");
            where += $" \"{name}\"";
            var kindText = String(props, "kind") ?? throw new FormatException($"{where}: \"kind\" is required");
            var geometry = feature.GetProperty("geometry");
            if (ParseKind(kindText) is not { } kind)
            {
                if (geometry.GetProperty("type").GetString() == "Point")
                {
                    var c = geometry.GetProperty("coordinates");
                    landmarks.Add(new Landmark(name, kindText, c[1].GetDouble(), c[0].GetDouble()));
                }

                continue;
            }

            zones.Add(ParseZone(where, name, kind, props, geometry, projection));
        }

        var assignments = new List<RouteAssignment>();
        if (root.TryGetProperty("assignments", out var list))
        {
            var i = 0;
            foreach (var a in list.EnumerateArray())
            {
                var where = $"{source}: assignments[{i++}]";
                assignments.Add(new RouteAssignment(
                    String(a, "vehicle") ?? throw new FormatException($"{where}: \"vehicle\" is required"),
                    String(a, "route") ?? throw new FormatException($"{where}: \"route\" is required"),
                    Time(a, "validFrom", where),
                    Time(a, "validTo", where)));
            }
        }

        var name2 = root.TryGetProperty("name", out var n) ? n.GetString() : null;
        var description = root.TryGetProperty("description", out var d) ? d.GetString() : null;
        return new ScenarioMap(name2 ?? source, description, zones, assignments, landmarks, projection);
    }

    private static ScenarioZone ParseZone(string where, string name, ZoneKind kind, JsonElement props, JsonElement geometry, LocalProjection projection)
    {
        var (limits, defaultLimit) = Limits(props, where);
        var maxStop = Number(props, "maxStopMinutes", where) is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
        var type = geometry.GetProperty("type").GetString();
        var coordinates = geometry.GetProperty("coordinates");
        Polygon? area = null;
        Polyline? line = null;
        var width = Number(props, "widthM", where) ?? (kind == ZoneKind.Route ? DefaultRouteWidthM : DefaultLineWidthM);
        switch (type)
        {
            case "LineString":
                var (x, y) = Ring(coordinates, projection, where);
                line = new Polyline(x, y);
                break;
            case "Polygon":
                area = new Polygon(coordinates.EnumerateArray().Select(r => Ring(r, projection, where)).ToList());
                break;
            case "Point":
                var radius = Number(props, "radiusM", where) ?? throw new FormatException($"{where}: a Point zone needs \"radiusM\"");
                area = Circle(coordinates, radius, projection);
                break;
            default:
                throw new FormatException($"{where}: geometry {type} is not supported (LineString, Polygon, or Point with radiusM)");
        }

        return new ScenarioZone(name, kind, area, line, width, limits, defaultLimit, String(props, "gate"), String(props, "corridor"), maxStop);
    }

    private static (Dictionary<VehicleClass, double> Limits, double? Default) Limits(JsonElement props, string where)
    {
        var limits = new Dictionary<VehicleClass, double>();
        double? defaultLimit = null;
        if (props.ValueKind != JsonValueKind.Object || !props.TryGetProperty("speedLimits", out var l))
        {
            return (limits, null);
        }

        foreach (var entry in l.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || entry.Value.GetDouble() is <= 0 or > 200)
            {
                throw new FormatException($"{where}: speedLimits.{entry.Name} must be a number of km/h");
            }

            if (entry.Name == "default")
            {
                defaultLimit = entry.Value.GetDouble();
            }
            else if (VehicleClassNames.TryParse(entry.Name, out var vehicleClass))
            {
                limits[vehicleClass] = entry.Value.GetDouble();
            }
            else
            {
                throw new FormatException($"{where}: speedLimits names an unknown vehicle class \"{entry.Name}\"");
            }
        }

        return (limits, defaultLimit);
    }

    private static LocalProjection ProjectionFor(JsonElement features)
    {
        double latSum = 0, lonSum = 0;
        var count = 0;
        foreach (var feature in features.EnumerateArray())
        {
            if (feature.TryGetProperty("geometry", out var g) && g.TryGetProperty("coordinates", out var c))
            {
                Accumulate(c, ref latSum, ref lonSum, ref count);
            }
        }

        return count == 0 ? new LocalProjection(0, 0) : new LocalProjection(latSum / count, lonSum / count);
    }

    private static void Accumulate(JsonElement c, ref double latSum, ref double lonSum, ref int count)
    {
        if (c.ValueKind != JsonValueKind.Array || c.GetArrayLength() == 0)
        {
            return;
        }

        if (c[0].ValueKind == JsonValueKind.Number)
        {
            lonSum += c[0].GetDouble();
            latSum += c[1].GetDouble();
            count++;
            return;
        }

        foreach (var inner in c.EnumerateArray())
        {
            Accumulate(inner, ref latSum, ref lonSum, ref count);
        }
    }

    private static (double[] X, double[] Y) Ring(JsonElement coordinates, LocalProjection projection, string where)
    {
        var points = coordinates.EnumerateArray().Select(c =>
        {
            var lon = c[0].GetDouble();
            var lat = c[1].GetDouble();
            if (Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            {
                throw new FormatException($"{where}: coordinate {lon},{lat} is out of range (GeoJSON is lon,lat)");
            }

            return (X: projection.X(lon), Y: projection.Y(lat));
        }).ToArray();
        return (points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
    }

    private static Polygon Circle(JsonElement point, double radiusM, LocalProjection projection)
    {
        const int Sides = 32;
        var cx = projection.X(point[0].GetDouble());
        var cy = projection.Y(point[1].GetDouble());
        var x = new double[Sides];
        var y = new double[Sides];
        for (var i = 0; i < Sides; i++)
        {
            var a = 2 * Math.PI * i / Sides;
            x[i] = cx + (radiusM * Math.Cos(a));
            y[i] = cy + (radiusM * Math.Sin(a));
        }

        return new Polygon([(x, y)]);
    }

    private static ZoneKind? ParseKind(string kind) => kind switch
    {
        "corridor" => ZoneKind.Corridor,
        "speed-zone" => ZoneKind.SpeedZone,
        "route" => ZoneKind.Route,
        "no-stopping" => ZoneKind.NoStopping,
        "approach-zone" => ZoneKind.ApproachZone,
        "holding-yard" => ZoneKind.HoldingYard,
        _ => null,
    };

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name, string where)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.GetDouble() > 0 ? v.GetDouble() : throw new FormatException($"{where}: \"{name}\" must be a positive number");
    }

    private static DateTime? Time(JsonElement e, string name, string where)
    {
        if (String(e, name) is not { } text)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw new FormatException($"{where}: \"{name}\" must be an ISO-8601 time");
    }
}
