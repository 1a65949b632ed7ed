using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

/// <summary>Frames written from the Concox protocol document (CRCs checked independently) and their exact replies.</summary>
public sealed class Gt06SpecFrameTests
{
    // IMEI 359710049095095, type code 0x3632, extension 700 << 4 (+7:00), serial 0x0102.
    private const string LoginPlus7 = "78781101035971004909509536322BC001020FE50D0A";

    // Same IMEI, extension 530 << 4 | west bit (-5:30), serial 1.
    private const string LoginMinus530 = "787811010359710049095095363221280001376B0D0A";

    // 0x16 at local 2024-03-15 08:30:45, 9 satellites, 21.0285 N 105.8542 E, 72 km/h, course 270, fixed;
    // LBS 460/4/0x1B59/0xA3C5; terminal info 0x42 (ACC on), voltage 5, GSM 4, alarm 0x01 SOS; serial 0x0203.
    private const string SosAlarm = "7878251618030F081E2DC9024190A40B5B5F5848150E0901C2041B5900A3C542050401020203E42A0D0A";

    // 0x22 at 2023-12-31 23:59:59, 7 satellites, 33.8688 S 70.6 W, 255 km/h, course 359, fixed;
    // ACC 1, upload mode 0, re-upload 1; serial 0x0A0B.
    private const string ArchivedLocation = "78782222170C1F173B3BC703A23C0007931640FF196701C2041B5900A3C50100010A0B38760D0A";

    [Fact]
    public void Login_from_the_concox_document_identifies_the_device_and_gets_the_documented_reply()
    {
        var session = Gt06Kit.Session();
        var decoded = Gt06Kit.Decode(session, Gt06Kit.DocLogin);
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal("123456789012345", session.DeviceId);
        Assert.Equal(Gt06Kit.DocLoginReply, decoded.ReplyHex);
        Assert.Equal(0, decoded.Batch.Count);
        Assert.Equal(TimeSpan.Zero, session.DeviceUtcOffset);
    }

    [Fact]
    public void Login_extension_sets_an_east_time_zone_and_the_reply_echoes_the_serial()
    {
        var session = Gt06Kit.Session();
        var decoded = Gt06Kit.Decode(session, LoginPlus7);
        Assert.Equal("359710049095095", session.DeviceId);
        Assert.Equal("787805010102F29F0D0A", decoded.ReplyHex);
        Assert.Equal(TimeSpan.FromHours(7), session.DeviceUtcOffset);
    }

    [Fact]
    public void Login_extension_west_bit_makes_the_offset_negative()
    {
        var session = Gt06Kit.Session();
        Gt06Kit.Decode(session, LoginMinus530);
        Assert.Equal(-new TimeSpan(5, 30, 0), session.DeviceUtcOffset);
    }

    [Fact]
    public void Gate_offset_overrides_the_login_extension()
    {
        var gate = new TestGate(["359710049095095"], TimeSpan.FromHours(8));
        var session = Gt06Kit.LoggedIn(LoginPlus7, gate);
        Assert.Equal(TimeSpan.FromHours(8), session.DeviceUtcOffset);
    }

    [Fact]
    public void Encoder_writes_the_documented_login_and_reply_bytes()
    {
        // The encoder always writes the type code, so the document's 8-byte-content login is not among these.
        Assert.Equal("78780F01012345678901234500010001423D0D0A", Convert.ToHexString(Gt06Kit.Encode(o => Gt06Encoder.WriteLogin(o, "123456789012345", 1, null, 0x0001))));
        Assert.Equal(LoginPlus7, Convert.ToHexString(Gt06Kit.Encode(o => Gt06Encoder.WriteLogin(o, "359710049095095", 0x0102, TimeSpan.FromHours(7), 0x3632))));
        Assert.Equal(LoginMinus530, Convert.ToHexString(Gt06Kit.Encode(o => Gt06Encoder.WriteLogin(o, "359710049095095", 1, -new TimeSpan(5, 30, 0), 0x3632))));
        Assert.Equal(Gt06Kit.DocLoginReply, Gt06Kit.Reply(Gt06MessageType.Login, 1));
    }

    [Fact]
    public void Heartbeat_is_acknowledged_with_the_same_shape_and_carries_no_record()
    {
        var session = Gt06Kit.LoggedIn();
        var decoded = Gt06Kit.Decode(session, "78780A134604040002001192B80D0A");
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(0, decoded.Batch.Count);
        Assert.Equal("787805130011F9700D0A", decoded.ReplyHex);
    }

    [Fact]
    public void Encoder_heartbeat_matches_the_spec_layout()
    {
        var bytes = Gt06Kit.Encode(o => Gt06Encoder.WriteHeartbeat(o, 0x0011, ignition: true, voltageLevel: 4, gsmSignal: 4));
        Assert.Equal("78780A13020404000200113AC80D0A", Convert.ToHexString(bytes));
        Assert.Equal(DecodeStatus.Accepted, Gt06Kit.Decode(Gt06Kit.LoggedIn(), bytes).Result.Status);
    }

    [Fact]
    public void Location_from_the_concox_document_decodes_field_by_field()
    {
        var decoded = Gt06Kit.Decode(Gt06Kit.LoggedIn(), Gt06Kit.DocLocation);
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(1, decoded.Batch.Count);
        var r = decoded.Batch[0];
        Assert.Equal(new DateTime(2011, 8, 29, 17, 46, 16, DateTimeKind.Utc), DateTime.UnixEpoch.AddMilliseconds(r.TimeMs));
        Assert.Equal(41_601_003 / 1_800_000.0, r.Lat, 1e-12);
        Assert.Equal(205_936_713 / 1_800_000.0, r.Lon, 1e-12);
        Assert.Equal(0, r.SpeedKmh);
        Assert.Equal(143, r.Heading);
        Assert.Equal(15, r.Satellites);
        Assert.True(r.Valid);
        Assert.Null(r.Ignition);
        Assert.False(r.Archived);
        Assert.Equal("787805120003903F0D0A", decoded.ReplyHex);
    }

    [Fact]
    public void Location_0x22_reads_south_west_ignition_and_the_reupload_flag()
    {
        var decoded = Gt06Kit.Decode(Gt06Kit.LoggedIn(), ArchivedLocation);
        var r = decoded.Batch[0];
        Assert.Equal(new DateTime(2023, 12, 31, 23, 59, 59, DateTimeKind.Utc), DateTime.UnixEpoch.AddMilliseconds(r.TimeMs));
        Assert.Equal(-33.8688, r.Lat, 1e-9);
        Assert.Equal(-70.6, r.Lon, 1e-9);
        Assert.Equal(255, r.SpeedKmh);
        Assert.Equal(359, r.Heading);
        Assert.Equal(7, r.Satellites);
        Assert.True(r.Valid);
        Assert.True(r.Ignition);
        Assert.True(r.Archived);
        Assert.Equal(0, Gt06Kit.Io(decoded.Batch, "uploadMode"));
        Assert.Equal("787805220A0B67A90D0A", decoded.ReplyHex);
    }

    [Fact]
    public void Alarm_reads_the_position_in_the_device_zone_the_alarm_code_and_terminal_info()
    {
        var decoded = Gt06Kit.Decode(Gt06Kit.LoggedIn(LoginPlus7), SosAlarm);
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        var r = decoded.Batch[0];
        Assert.Equal(new DateTime(2024, 3, 15, 1, 30, 45, DateTimeKind.Utc), DateTime.UnixEpoch.AddMilliseconds(r.TimeMs));
        Assert.Equal(21.0285, r.Lat, 1e-9);
        Assert.Equal(105.8542, r.Lon, 1e-9);
        Assert.Equal(72, r.SpeedKmh);
        Assert.Equal(270, r.Heading);
        Assert.Equal(9, r.Satellites);
        Assert.True(r.Valid);
        Assert.True(r.Ignition);
        Assert.Equal(DeviceAlarms.Sos, r.Alarms);
        Assert.Equal(0x42, Gt06Kit.Io(decoded.Batch, "terminalInfo"));
        Assert.Equal(5, Gt06Kit.Io(decoded.Batch, "voltageLevel"));
        Assert.Equal(4, Gt06Kit.Io(decoded.Batch, "gsmSignal"));
        Assert.Equal(1, Gt06Kit.Io(decoded.Batch, "alarmCode"));
        Assert.Equal("787805160203C0EE0D0A", decoded.ReplyHex);
    }

    [Theory]
    [InlineData(Gt06AlarmCode.Sos, DeviceAlarms.Sos)]
    [InlineData(Gt06AlarmCode.PowerCut, DeviceAlarms.PowerCut)]
    [InlineData(Gt06AlarmCode.Vibration, DeviceAlarms.Vibration)]
    [InlineData(Gt06AlarmCode.GeofenceEnter, DeviceAlarms.GeofenceEnter)]
    [InlineData(Gt06AlarmCode.GeofenceExit, DeviceAlarms.GeofenceExit)]
    [InlineData(Gt06AlarmCode.Overspeed, DeviceAlarms.Overspeed)]
    [InlineData(Gt06AlarmCode.LowBattery, DeviceAlarms.LowBattery)]
    [InlineData(Gt06AlarmCode.LowBattery2, DeviceAlarms.LowBattery)]
    [InlineData(Gt06AlarmCode.PowerOff, DeviceAlarms.PowerOff)]
    [InlineData(Gt06AlarmCode.Tampering, DeviceAlarms.Tampering)]
    [InlineData(Gt06AlarmCode.Door, DeviceAlarms.Door)]
    [InlineData(Gt06AlarmCode.Normal, DeviceAlarms.None)]
    [InlineData(0x42, DeviceAlarms.None)]
    public void Alarm_codes_map_to_device_alarms(byte code, DeviceAlarms expected)
    {
        var record = new DecodedRecord { TimeMs = 1_700_000_000_000, Lat = 10, Lon = 106, Valid = true };
        var bytes = Gt06Kit.Encode(o => Gt06Encoder.WriteAlarm(o, record, 7, code));
        var decoded = Gt06Kit.Decode(Gt06Kit.LoggedIn(), bytes);
        Assert.Equal(expected, decoded.Batch[0].Alarms);
        Assert.Equal(Gt06Kit.Reply(Gt06MessageType.Alarm, 7), decoded.ReplyHex);
    }
}
