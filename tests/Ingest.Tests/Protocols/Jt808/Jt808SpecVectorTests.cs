using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;
using Telematics.Rules.Positions;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>Frames written from the standard, with the exact reply bytes the platform must send.</summary>
public sealed class Jt808SpecVectorTests
{
    [Fact]
    public void Registration_is_answered_with_0x8100_result_0_and_the_device_id_as_auth_code()
    {
        var session = NewSession();
        var outcome = DecodeHex(Jt808SpecFrames.Registration, session);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(0, outcome.Records.Count);
        Assert.Equal(Norm(Jt808SpecFrames.RegistrationReply), outcome.ReplyHex);
        Assert.Equal(Jt808SpecFrames.DeviceId, session.DeviceId);
    }

    [Fact]
    public void Authentication_with_the_issued_code_is_answered_with_0x8001_result_0()
    {
        var session = NewSession();
        DecodeHex(Jt808SpecFrames.Registration, session);
        var outcome = DecodeHex(Jt808SpecFrames.Authentication, session);

        // Second reply of the session: platform serial 0001.
        Assert.Equal(Norm("7e 8001 0005 013912345678 0001 0001 0102 00 b7 7e"), outcome.ReplyHex);
    }

    [Fact]
    public void Heartbeat_is_answered_with_0x8001_result_0()
    {
        var outcome = DecodeHex(Jt808SpecFrames.Heartbeat);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(Norm(Jt808SpecFrames.HeartbeatReply), outcome.ReplyHex);
    }

    [Fact]
    public void Reply_escapes_the_echoed_serial_when_it_holds_flag_bytes()
    {
        var outcome = DecodeHex(Jt808SpecFrames.HeartbeatEscaped);

        Assert.Equal(Norm(Jt808SpecFrames.HeartbeatEscapedReply), outcome.ReplyHex);
        Assert.Equal(0x7E7D, ParseReply(outcome.Reply).ReplySerial);
    }

    [Fact]
    public void Location_report_decodes_every_basic_field_and_the_standard_items()
    {
        var outcome = DecodeHex(Jt808SpecFrames.Location);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(Norm(Jt808SpecFrames.LocationReply), outcome.ReplyHex);
        var r = Assert.Single(Enumerable.Range(0, outcome.Records.Count).Select(i => outcome.Records.ToPositionRecord(i, "x")));
        Assert.Equal(new DateTime(2025, 7, 15, 2, 30, 0, DateTimeKind.Utc), r.Time);
        Assert.Equal(21.027763, r.Lat, 1e-9);
        Assert.Equal(105.834160, r.Lon, 1e-9);
        Assert.Equal(15, r.AltitudeM);
        Assert.Equal(60.0, r.SpeedKmh, 1e-9);
        Assert.Equal(90, r.Heading);
        Assert.Equal(11, r.Satellites);
        Assert.True(r.Valid);
        Assert.True(r.Ignition);
        Assert.Equal(1234.5, r.OdometerKm!.Value, 1e-9);
        Assert.Equal(DeviceAlarms.Overspeed, r.Alarms);
        Assert.False(r.Archived);
        var io = IoOf(outcome.Records, 0);
        Assert.Equal(12345L, io["1"]);
        Assert.Equal(1L, io[Jt808IoNames.OverspeedAreaType]);
        Assert.Equal(7L, io[Jt808IoNames.OverspeedAreaId]);
        Assert.Equal(3, io.Count);
    }

    [Fact]
    public void Alarm_report_maps_jt808_alarm_bits_hemispheres_and_area_and_road_section_items()
    {
        var outcome = DecodeHex(Jt808SpecFrames.Alarm);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        var r = outcome.Records.ToPositionRecord(0, "x");
        Assert.Equal(
            DeviceAlarms.Sos | DeviceAlarms.FatigueDriving | DeviceAlarms.DailyDrivingExceeded | DeviceAlarms.RouteDeviation,
            r.Alarms);
        Assert.Equal(-33.868820, r.Lat, 1e-9);
        Assert.Equal(-151.209296, r.Lon, 1e-9);
        Assert.Equal(-10, r.AltitudeM);
        Assert.Equal(315, r.Heading);
        Assert.Equal(new DateTime(2099, 12, 31, 15, 59, 59, DateTimeKind.Utc), r.Time);
        Assert.True(r.Valid);
        Assert.False(r.Ignition);
        Assert.Null(r.OdometerKm);
        Assert.Equal(0, r.Satellites);
        var io = IoOf(outcome.Records, 0);
        Assert.Equal(1L, io[Jt808IoNames.AreaType]);
        Assert.Equal(42L, io[Jt808IoNames.AreaId]);
        Assert.Equal(1L, io[Jt808IoNames.AreaDirection]);
        Assert.Equal(99L, io[Jt808IoNames.RoadSectionId]);
        Assert.Equal(300L, io[Jt808IoNames.RoadSectionTimeS]);
        Assert.Equal(1L, io[Jt808IoNames.RoadSectionResult]);
        Assert.Equal(0xAABBCCL, io["227"]);
        Assert.Equal(Hex("00112233445566778899"), r.Io.Single(v => v.Key == "240").Bytes);
        Assert.Equal(Norm("7e 8001 0005 013912345678 0000 0003 0200 00"), outcome.ReplyHex[..^4]);
    }

    [Fact]
    public void Authentication_2019_is_answered_in_the_2019_header_format()
    {
        var session = NewSession();
        var outcome = DecodeHex(Jt808SpecFrames.Authentication2019, session);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(Norm(Jt808SpecFrames.Authentication2019Reply), outcome.ReplyHex);
        Assert.Equal("866496077582164", session.DeviceId);
    }

    [Fact]
    public void Encoder_writes_the_spec_frames_byte_for_byte()
    {
        var header = new Jt808FrameHeader(Jt808SpecFrames.DeviceId, 0);
        Assert.Equal(Norm(Jt808SpecFrames.Registration), Write(o => Jt808Encoder.WriteRegistration(
            o, header, new Jt808Registration { Province = 0x2C, City = 0x0101, Plate = "29C12345" })));
        Assert.Equal(Norm(Jt808SpecFrames.Authentication), Write(o => Jt808Encoder.WriteAuthentication(o, header.Next(), "13912345678")));
        Assert.Equal(Norm(Jt808SpecFrames.Heartbeat), Write(o => Jt808Encoder.WriteHeartbeat(o, header.Next())));
        Assert.Equal(Norm(Jt808SpecFrames.HeartbeatEscaped), Write(o => Jt808Encoder.WriteHeartbeat(o, header with { Serial = 0x7E7D })));

        var record = new DecodedRecord
        {
            TimeMs = new DateTimeOffset(2025, 7, 15, 2, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            Lat = 21.027763,
            Lon = 105.834160,
            AltitudeM = 15,
            SpeedKmh = 60,
            Heading = 90,
            Satellites = 11,
            Valid = true,
            Ignition = true,
            OdometerKm = 1234.5,
            Alarms = DeviceAlarms.Overspeed,
        };
        Assert.Equal(Norm(Jt808SpecFrames.Location), Write(o => Jt808Encoder.WriteLocation(
            o, header with { Serial = 2 }, record, extraItems: [new Jt808AdditionalItem(0x11, Hex("0100000007"))])));

        var header2019 = new Jt808FrameHeader("866496077582164", 7, Jt808Version.V2019);
        Assert.Equal(Norm(Jt808SpecFrames.Authentication2019), Write(o => Jt808Encoder.WriteAuthentication(
            o, header2019, "866496077582164", imei: "866496077582164", softwareVersion: "1.0.0")));
    }

    [Fact]
    public void Reply_reader_parses_the_registration_and_general_responses()
    {
        var registration = ParseReply(Hex(Jt808SpecFrames.RegistrationReply));
        Assert.True(registration.IsRegistrationResponse);
        Assert.Equal(Jt808RegistrationResult.Ok, registration.RegistrationResult);
        Assert.Equal("13912345678", registration.AuthCode);
        Assert.Equal(0, registration.ReplySerial);
        Assert.Equal("013912345678", registration.TerminalNumber);

        var refused = ParseReply(Hex(Jt808SpecFrames.RegistrationRefusedReply));
        Assert.Equal(Jt808RegistrationResult.TerminalNotInDatabase, refused.RegistrationResult);
        Assert.Null(refused.AuthCode);

        var general = ParseReply(Hex(Jt808SpecFrames.Authentication2019Reply));
        Assert.True(general.IsGeneralResponse);
        Assert.Equal(Jt808Version.V2019, general.Version);
        Assert.Equal(7, general.ReplySerial);
        Assert.Equal(Jt808MessageId.Authentication, general.ReplyMessageId);
        Assert.Equal(Jt808Result.Ok, general.GeneralResult);
    }

    [Fact]
    public void Reply_reader_refuses_a_reply_with_a_bad_checksum()
    {
        var bytes = Hex(Jt808SpecFrames.HeartbeatReply);
        bytes[^2] ^= 0x01;

        Assert.False(Jt808ReplyReader.TryParse(bytes, out _));
    }

    [Fact]
    public void Reply_reader_cuts_frames_from_a_stream_in_pieces()
    {
        var stream = Hex(Jt808SpecFrames.RegistrationReply + Jt808SpecFrames.HeartbeatReply);
        var buffer = Support.Segments.OneBytePerSegment(stream);
        var replies = new List<Jt808Reply>();
        while (Jt808ReplyReader.TryReadFrame(ref buffer, out var frame))
        {
            Assert.True(Jt808ReplyReader.TryParse(frame, out var reply));
            replies.Add(reply);
        }

        Assert.Equal([Jt808MessageId.RegistrationResponse, Jt808MessageId.PlatformGeneralResponse], replies.Select(r => r.MessageId));
    }

    private static string Write(Action<ArrayBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Convert.ToHexStringLower(output.WrittenSpan);
    }

    private static Dictionary<string, long> IoOf(RecordBatch records, int index) =>
        records.ToPositionRecord(index, "x").Io.Where(v => v.Bytes is null).ToDictionary(v => v.Key, v => v.Number);
}
