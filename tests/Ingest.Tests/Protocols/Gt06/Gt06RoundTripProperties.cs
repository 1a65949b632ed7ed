using System.Globalization;
using FsCheck.Xunit;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

/// <summary>Encoder → session round trips over generated records at the protocol's resolution.</summary>
public sealed class Gt06RoundTripProperties
{
    private const long FirstSecond = 946_771_200; // 2000-01-02T00:00:00Z, so that any zone stays in year 2000+
    private const long SecondsRange = 3_155_760_000; // about a hundred years
    private const uint LatUnits = 90 * 1_800_000;
    private const uint LonUnits = 180 * 1_800_000;

    private static readonly byte[] AlarmCodes =
    [
        Gt06AlarmCode.Normal, Gt06AlarmCode.Sos, Gt06AlarmCode.PowerCut, Gt06AlarmCode.Vibration, Gt06AlarmCode.GeofenceEnter,
        Gt06AlarmCode.GeofenceExit, Gt06AlarmCode.Overspeed, Gt06AlarmCode.LowBattery, Gt06AlarmCode.PowerOff,
        Gt06AlarmCode.Tampering, Gt06AlarmCode.Door,
    ];

    [Property(MaxTest = 500)]
    public void Location_round_trips(uint time, uint lat, uint lon, bool south, bool west, byte speed, ushort heading,
        byte satellites, bool valid, bool ignition, bool archived, short zone, ushort serial)
    {
        var record = Record(time, lat, lon, south, west, speed, heading, satellites, valid);
        record.Ignition = ignition;
        record.Archived = archived;
        var offset = Zone(zone);
        var session = LoggedIn(offset);
        var decoded = Gt06Kit.Decode(session, Gt06Kit.Encode(o => Gt06Encoder.WriteLocation(o, record, serial, offset)));

        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(1, decoded.Batch.Count);
        AssertSame(record, decoded.Batch[0]);
        Assert.Equal(ignition, decoded.Batch[0].Ignition);
        Assert.Equal(archived, decoded.Batch[0].Archived);
        Assert.Equal(Gt06Kit.Reply(Gt06MessageType.GpsLbs2, serial), decoded.ReplyHex);
    }

    [Property(MaxTest = 300)]
    public void Alarm_round_trips(uint time, uint lat, uint lon, bool south, bool west, byte speed, ushort heading,
        byte satellites, bool valid, bool ignition, byte code, short zone, ushort serial)
    {
        var record = Record(time, lat, lon, south, west, speed, heading, satellites, valid);
        record.Ignition = ignition;
        var alarmCode = AlarmCodes[code % AlarmCodes.Length];
        var offset = Zone(zone);
        var session = LoggedIn(offset);
        var decoded = Gt06Kit.Decode(session, Gt06Kit.Encode(o => Gt06Encoder.WriteAlarm(o, record, serial, alarmCode, offset)));

        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        AssertSame(record, decoded.Batch[0]);
        Assert.Equal(ignition, decoded.Batch[0].Ignition);
        Assert.Equal(Gt06AlarmCode.ToDeviceAlarms(alarmCode), decoded.Batch[0].Alarms);
        Assert.Equal(alarmCode, Gt06Kit.Io(decoded.Batch, "alarmCode"));
        Assert.Equal(Gt06Kit.Reply(Gt06MessageType.Alarm, serial), decoded.ReplyHex);
    }

    [Property(MaxTest = 300)]
    public void Login_round_trips_imei_and_time_zone(ulong imei, short zone, bool withZone, ushort serial)
    {
        var digits = (imei % 1_000_000_000_000_000UL).ToString("D15", CultureInfo.InvariantCulture);
        TimeSpan? offset = withZone ? Zone(zone) : null;
        var session = Gt06Kit.Session();
        var decoded = Gt06Kit.Decode(session, Gt06Kit.Encode(o => Gt06Encoder.WriteLogin(o, digits, serial, offset)));

        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(digits, session.DeviceId);
        Assert.Equal(offset ?? TimeSpan.Zero, session.DeviceUtcOffset);
        Assert.Equal(Gt06Kit.Reply(Gt06MessageType.Login, serial), decoded.ReplyHex);
    }

    private static DecodedRecord Record(uint time, uint lat, uint lon, bool south, bool west, byte speed, ushort heading, byte satellites, bool valid)
    {
        var latUnits = lat % (LatUnits + 1);
        var lonUnits = lon % (LonUnits + 1);

        // Zero has no hemisphere on the wire: it comes back as north / east.
        return new DecodedRecord
        {
            TimeMs = (FirstSecond + (time % SecondsRange)) * 1000,
            Lat = (south && latUnits != 0 ? -1 : 1) * (latUnits / 1_800_000.0),
            Lon = (west && lonUnits != 0 ? -1 : 1) * (lonUnits / 1_800_000.0),
            SpeedKmh = speed,
            Heading = heading % 360,
            Satellites = satellites % 16,
            Valid = valid,
        };
    }

    private static TimeSpan Zone(short seed) => TimeSpan.FromMinutes(seed % ((14 * 60) + 1));

    private static Gt06Session LoggedIn(TimeSpan offset)
    {
        var session = Gt06Kit.Session();
        Gt06Kit.Decode(session, Gt06Kit.Encode(o => Gt06Encoder.WriteLogin(o, "359710049095095", 1, offset)));
        Assert.Equal(offset, session.DeviceUtcOffset);
        return session;
    }

    private static void AssertSame(in DecodedRecord expected, in DecodedRecord actual)
    {
        Assert.Equal(expected.TimeMs, actual.TimeMs);
        Assert.Equal(expected.Lat, actual.Lat);
        Assert.Equal(expected.Lon, actual.Lon);
        Assert.Equal(expected.SpeedKmh, actual.SpeedKmh);
        Assert.Equal(expected.Heading, actual.Heading);
        Assert.Equal(expected.Satellites, actual.Satellites);
        Assert.Equal(expected.Valid, actual.Valid);
    }
}
