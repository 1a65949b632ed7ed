using System.Text;
using System.Text.Json;
using Telematics.Rules.Positions;

namespace Telematics.Rules.Tests.Positions;

public sealed class PositionRecordJsonTests
{
    [Fact]
    public void Writes_the_normalised_contract_with_optional_fields_only_where_known()
    {
        var record = new PositionRecord
        {
            DeviceId = "356307042441013",
            Time = new DateTime(2026, 11, 28, 1, 2, 3, 45, DateTimeKind.Utc),
            Lat = 21.853708,
            Lon = 106.761519,
            SpeedKmh = 61.5,
            Heading = 350,
            AltitudeM = 260,
            Satellites = 11,
            Valid = true,
        };

        Assert.Equal(
            """{"deviceId":"356307042441013","time":"2026-11-28T01:02:03.045Z","lat":21.853708,"lon":106.761519,"speedKmh":61.5,"heading":350,"altitudeM":260,"satellites":11,"valid":true}""",
            Write(record));
    }

    [Fact]
    public void Writes_ignition_odometer_driver_alarms_and_raw_io_when_present()
    {
        var record = new PositionRecord
        {
            DeviceId = "1",
            Time = DateTime.UnixEpoch,
            Ignition = true,
            OdometerKm = 12.5,
            DriverId = "00000A1B2C3D4E5F",
            Alarms = DeviceAlarms.Overspeed | DeviceAlarms.FatigueDriving,
            Io = [new IoValue("239", 1), new IoValue("385", 0, [0x0A, 0xFF])],
        };

        var json = Write(record);

        Assert.EndsWith(
            "\"valid\":false,\"ignition\":true,\"odometerKm\":12.5,\"driverId\":\"00000A1B2C3D4E5F\",\"alarms\":[\"overspeed\",\"fatigueDriving\"],\"io\":{\"239\":1,\"385\":\"0aff\"}}",
            json,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Alarm_names_round_trip()
    {
        foreach (var alarm in Enum.GetValues<DeviceAlarms>().Where(a => a != DeviceAlarms.None))
        {
            var name = Assert.Single(DeviceAlarmNames.ToNames(alarm));
            Assert.True(DeviceAlarmNames.TryParse(name, out var parsed));
            Assert.Equal(alarm, parsed);
        }
    }

    private static string Write(PositionRecord record)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            PositionRecordJson.Write(writer, record);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
