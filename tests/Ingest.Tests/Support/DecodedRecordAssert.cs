using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Tests.Support;

public static class DecodedRecordAssert
{
    /// <summary>Checks a decoded record against a vector's expectation (coordinates to 1e-5 degrees, as the vectors promise).</summary>
    public static void Matches(ExpectedRecord expected, in DecodedRecord actual)
    {
        Assert.Equal(expected.Time, DateTime.UnixEpoch.AddMilliseconds(actual.TimeMs));
        Assert.Equal(expected.Valid, actual.Valid);
        Assert.Equal(expected.Lat, actual.Lat, 0.00001);
        Assert.Equal(expected.Lon, actual.Lon, 0.00001);
        if (expected.SpeedKmh is { } speed)
        {
            Assert.Equal(speed, actual.SpeedKmh, 0.001);
        }

        if (expected.Heading is { } heading)
        {
            Assert.Equal(heading, actual.Heading);
        }

        if (expected.AltitudeM is { } altitude)
        {
            Assert.Equal(altitude, actual.AltitudeM);
        }

        if (expected.Satellites is { } satellites)
        {
            Assert.Equal(satellites, actual.Satellites);
        }
    }
}
