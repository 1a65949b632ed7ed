namespace Telematics.Rules.Geometry;

/// <summary>
/// WGS84 degrees to metres on a plane tangent at the scenario's centre (equirectangular). Over a
/// province (±100 km) distances are within 0.2%: enough for widths of 150 m and zones of
/// hundreds of metres, and much cheaper than a transverse Mercator per position. Immutable.
/// </summary>
public sealed class LocalProjection
{
    private const double MetresPerDegreeLat = 110_574.0;
    private const double MetresPerDegreeLonAtEquator = 111_320.0;

    private readonly double _lat0;
    private readonly double _lon0;
    private readonly double _metresPerDegreeLon;

    public LocalProjection(double lat0, double lon0)
    {
        _lat0 = lat0;
        _lon0 = lon0;
        _metresPerDegreeLon = MetresPerDegreeLonAtEquator * Math.Cos(GeoDistance.DegreesToRadians(lat0));
    }

    public double X(double lon) => (lon - _lon0) * _metresPerDegreeLon;

    public double Y(double lat) => (lat - _lat0) * MetresPerDegreeLat;
}
