namespace Telematics.Rules.Geometry;

/// <summary>Great-circle distances on the WGS84 mean sphere; good to ~0.5% — enough for filters and odometry.</summary>
public static class GeoDistance
{
    public const double EarthRadiusM = 6_371_008.8;

    public static double HaversineMeters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = DegreesToRadians(lat2 - lat1);
        var dLon = DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(DegreesToRadians(lat1)) * Math.Cos(DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double DegreesToRadians(double degrees) => degrees * Math.PI / 180.0;
}
