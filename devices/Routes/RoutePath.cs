using Telematics.Rules.Geometry;

namespace Telematics.Devices.Routes;

/// <summary>A named polyline a simulated vehicle drives along, with cumulative distances for lookup by distance travelled. Immutable.</summary>
public sealed class RoutePath
{
    private readonly (double Lat, double Lon)[] _points;
    private readonly double[] _cumulative;

    public RoutePath(string name, IReadOnlyList<(double Lat, double Lon)> points)
    {
        if (points.Count < 2)
        {
            throw new ArgumentException($"route \"{name}\" needs at least two points", nameof(points));
        }

        Name = name;
        _points = points.ToArray();
        _cumulative = new double[_points.Length];
        for (var i = 1; i < _points.Length; i++)
        {
            _cumulative[i] = _cumulative[i - 1] + GeoDistance.HaversineMeters(_points[i - 1].Lat, _points[i - 1].Lon, _points[i].Lat, _points[i].Lon);
        }
    }

    public string Name { get; }

    public double LengthM => _cumulative[^1];

    /// <summary>
    /// The point <paramref name="distanceM"/> along the route (clamped to its ends), the heading
    /// of the segment there, and optionally shifted <paramref name="offsetM"/> metres to the right
    /// of the direction of travel (a vehicle that left the route).
    /// </summary>
    public (double Lat, double Lon, int Heading) PointAt(double distanceM, double offsetM = 0)
    {
        distanceM = Math.Clamp(distanceM, 0, LengthM);
        var i = Array.BinarySearch(_cumulative, distanceM);
        if (i < 0)
        {
            i = ~i;
        }

        i = Math.Clamp(i, 1, _points.Length - 1);
        var (a, b) = (_points[i - 1], _points[i]);
        var segment = _cumulative[i] - _cumulative[i - 1];
        var t = segment <= 0 ? 0 : (distanceM - _cumulative[i - 1]) / segment;
        var lat = a.Lat + ((b.Lat - a.Lat) * t);
        var lon = a.Lon + ((b.Lon - a.Lon) * t);
        var bearing = Bearing(a, b);
        if (offsetM != 0)
        {
            var right = GeoDistance.DegreesToRadians(bearing + 90);
            lat += offsetM * Math.Cos(right) / 111_320.0;
            lon += offsetM * Math.Sin(right) / (111_320.0 * Math.Cos(GeoDistance.DegreesToRadians(lat)));
        }

        return (lat, lon, (int)Math.Round(bearing) % 360);
    }

    private static double Bearing((double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        var phi1 = GeoDistance.DegreesToRadians(a.Lat);
        var phi2 = GeoDistance.DegreesToRadians(b.Lat);
        var dLon = GeoDistance.DegreesToRadians(b.Lon - a.Lon);
        var y = Math.Sin(dLon) * Math.Cos(phi2);
        var x = (Math.Cos(phi1) * Math.Sin(phi2)) - (Math.Sin(phi1) * Math.Cos(phi2) * Math.Cos(dLon));
        return (Math.Atan2(y, x) * 180 / Math.PI + 360) % 360;
    }
}
