using System.Text.Json;

namespace Telematics.Devices.Routes;

/// <summary>Loads the LineStrings of a GeoJSON FeatureCollection as routes; the Lạng Sơn corridors are built in.</summary>
public static class RouteLibrary
{
    public const string DefaultFile = "lang-son-corridors.geojson";

    /// <summary>The built-in Lạng Sơn border-gate corridors (approximate geometry, see the file's description).</summary>
    public static IReadOnlyList<RoutePath> LangSon() => Load(Path.Combine(AppContext.BaseDirectory, "Routes", DefaultFile));

    public static IReadOnlyList<RoutePath> Load(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyList<RoutePath> Parse(string geoJson, string source = "GeoJSON")
    {
        using var doc = JsonDocument.Parse(geoJson);
        var routes = new List<RoutePath>();
        if (!doc.RootElement.TryGetProperty("features", out var features))
        {
            throw new FormatException($"{source}: not a FeatureCollection");
        }

        foreach (var feature in features.EnumerateArray())
        {
            var geometry = feature.GetProperty("geometry");
            if (geometry.GetProperty("type").GetString() != "LineString")
            {
                continue;
            }

            var name = feature.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() : null;
            var points = geometry.GetProperty("coordinates").EnumerateArray()
                .Select(c => (Lat: c[1].GetDouble(), Lon: c[0].GetDouble()))
                .ToList();
            routes.Add(new RoutePath(name ?? $"route {routes.Count + 1}", points));
        }

        return routes.Count > 0 ? routes : throw new FormatException($"{source}: no LineString to drive along");
    }
}
