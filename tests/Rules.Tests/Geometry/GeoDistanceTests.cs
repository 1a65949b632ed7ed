using Telematics.Rules.Geometry;

namespace Telematics.Rules.Tests.Geometry;

public sealed class GeoDistanceTests
{
    [Fact]
    public void Lang_Son_to_Huu_Nghi_gate_is_about_fifteen_kilometres_as_the_crow_flies()
    {
        // Lạng Sơn city centre and Hữu Nghị gate from shared/reference/lang-son-corridors.geojson.
        var meters = GeoDistance.HaversineMeters(21.8478, 106.7578, 21.9706, 106.7111);

        Assert.InRange(meters, 14_000, 15_000);
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
    {
        Assert.InRange(GeoDistance.HaversineMeters(0, 0, 1, 0), 111_000, 111_400);
    }
}
