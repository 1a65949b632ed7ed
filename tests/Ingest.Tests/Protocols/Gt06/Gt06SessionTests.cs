using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

/// <summary>Login policy, bad frames and the messages the codec does not decode.</summary>
public sealed class Gt06SessionTests
{
    private const string Heartbeat = "78780A134604040002001192B80D0A";

    [Fact]
    public void Frame_with_a_wrong_crc_is_rejected_with_nothing_appended_and_no_reply()
    {
        var bytes = Convert.FromHexString(Gt06Kit.DocLocation);
        bytes[^3] ^= 0x01;
        Gt06Kit.AssertRejected(Gt06Kit.Decode(Gt06Kit.LoggedIn(), bytes), "crc mismatch");
    }

    [Fact]
    public void Frame_with_a_wrong_crc_before_login_is_rejected_not_closed()
    {
        var bytes = Convert.FromHexString(Gt06Kit.DocLogin);
        bytes[5] ^= 0x10;
        var session = Gt06Kit.Session();
        Gt06Kit.AssertRejected(Gt06Kit.Decode(session, bytes), "crc mismatch");
        Assert.Null(session.DeviceId);
    }

    [Fact]
    public void Location_too_short_for_its_gps_block_is_rejected()
    {
        var bytes = Gt06Kit.Encode(o => Gt06Encoder.WriteFrame(o, Gt06MessageType.GpsLbs2, new byte[10], 1));
        Gt06Kit.AssertRejected(Gt06Kit.Decode(Gt06Kit.LoggedIn(), bytes), "truncated gps block");
    }

    [Fact]
    public void Alarm_whose_lbs_length_runs_past_the_frame_is_rejected()
    {
        var content = new byte[18 + 1 + 8 + 5];
        content[1] = 1;
        content[2] = 1;
        content[18] = 0x30;
        var bytes = Gt06Kit.Encode(o => Gt06Encoder.WriteFrame(o, Gt06MessageType.Alarm, content, 1));
        Gt06Kit.AssertRejected(Gt06Kit.Decode(Gt06Kit.LoggedIn(), bytes), "truncated alarm status");
    }

    [Fact]
    public void Gps_date_out_of_range_is_rejected()
    {
        var content = new byte[18];
        content[0] = 24;
        content[1] = 13;
        content[2] = 1;
        var bytes = Gt06Kit.Encode(o => Gt06Encoder.WriteFrame(o, Gt06MessageType.GpsLbs, content, 1));
        Gt06Kit.AssertRejected(Gt06Kit.Decode(Gt06Kit.LoggedIn(), bytes), "invalid gps date");
    }

    [Fact]
    public void Declared_length_that_does_not_fit_the_frame_is_rejected_without_exception()
    {
        var bytes = Convert.FromHexString(Gt06Kit.DocLocation);
        bytes[2]++;
        Gt06Kit.AssertRejected(Gt06Kit.DecodeFrame(Gt06Kit.LoggedIn(), new ReadOnlySequence<byte>(bytes)), "malformed frame");
        Gt06Kit.AssertRejected(Gt06Kit.DecodeFrame(Gt06Kit.LoggedIn(), new ReadOnlySequence<byte>(bytes[..9])), "malformed frame");
        Gt06Kit.AssertRejected(Gt06Kit.DecodeFrame(Gt06Kit.LoggedIn(), ReadOnlySequence<byte>.Empty), "malformed frame");
    }

    [Fact]
    public void Login_with_non_decimal_imei_is_rejected()
    {
        var content = Convert.FromHexString("0123456789ABCDEF0001");
        var bytes = Gt06Kit.Encode(o => Gt06Encoder.WriteFrame(o, Gt06MessageType.Login, content, 1));
        var session = Gt06Kit.Session();
        Gt06Kit.AssertRejected(Gt06Kit.Decode(session, bytes), "malformed login");
        Assert.Null(session.DeviceId);
    }

    [Fact]
    public void Unknown_device_is_refused_by_the_gate_with_no_reply()
    {
        var session = Gt06Kit.Session(gate: new TestGate(["359710049095095"]));
        var decoded = Gt06Kit.Decode(session, Gt06Kit.DocLogin);
        Assert.Equal(DecodeResult.Close("device refused"), decoded.Result);
        Assert.Equal(string.Empty, decoded.ReplyHex);
        Assert.Null(session.DeviceId);
    }

    [Fact]
    public void Known_device_is_admitted_by_the_gate()
    {
        var session = Gt06Kit.LoggedIn(gate: new TestGate(["123456789012345"]));
        Assert.Equal("123456789012345", session.DeviceId);
    }

    [Theory]
    [InlineData(Gt06Kit.DocLocation)]
    [InlineData(Heartbeat)]
    [InlineData("7878251618030F081E2DC9024190A40B5B5F5848150E0901C2041B5900A3C542050401020203E42A0D0A")]
    [InlineData("7878058A000688290D0A")]
    public void Data_before_login_closes_the_connection_when_login_is_required(string hex)
    {
        var decoded = Gt06Kit.Decode(Gt06Kit.Session(), hex);
        Assert.Equal(DecodeResult.Close("data before login"), decoded.Result);
        Assert.Equal(0, decoded.Batch.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    [Fact]
    public void Data_without_login_decodes_in_utc_when_login_is_not_required()
    {
        var session = Gt06Kit.Session(requireLogin: false);
        var decoded = Gt06Kit.Decode(session, Gt06Kit.DocLocation);
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Null(session.DeviceId);
        Assert.Equal(new DateTime(2011, 8, 29, 17, 46, 16, DateTimeKind.Utc), DateTime.UnixEpoch.AddMilliseconds(decoded.Batch[0].TimeMs));
    }

    [Fact]
    public void Repeated_login_with_the_same_imei_is_acknowledged_again()
    {
        var session = Gt06Kit.LoggedIn();
        var decoded = Gt06Kit.Decode(session, Gt06Kit.DocLogin);
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(Gt06Kit.DocLoginReply, decoded.ReplyHex);
    }

    [Fact]
    public void Login_with_another_imei_on_the_same_connection_closes_it()
    {
        var session = Gt06Kit.LoggedIn();
        var other = Gt06Kit.Encode(o => Gt06Encoder.WriteLogin(o, "359710049095095", 2));
        var decoded = Gt06Kit.Decode(session, other);
        Assert.Equal(DecodeResult.Close("device id changed"), decoded.Result);
        Assert.Equal(string.Empty, decoded.ReplyHex);
        Assert.Equal("123456789012345", session.DeviceId);
    }

    [Fact]
    public void Unknown_short_message_is_accepted_without_records_and_acknowledged()
    {
        var decoded = Gt06Kit.Decode(Gt06Kit.LoggedIn(), "7878058A000688290D0A");
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(0, decoded.Batch.Count);
        Assert.Equal("7878058A000688290D0A", decoded.ReplyHex);
    }

    [Fact]
    public void Long_frame_is_accepted_without_records_and_without_reply()
    {
        var decoded = Gt06Kit.Decode(Gt06Kit.LoggedIn(), "79790008940A01020005B8270D0A");
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(0, decoded.Batch.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    [Fact]
    public void Long_frame_straddling_segments_beyond_the_stack_copy_is_decoded()
    {
        var content = new byte[1000];
        content[0] = 0x0A;
        var body = new byte[2 + 1 + content.Length + 2];
        body[0] = (byte)((content.Length + 5) >> 8);
        body[1] = (byte)(content.Length + 5);
        body[2] = 0x94;
        content.CopyTo(body, 3);
        body[^1] = 9;
        var crc = Gt06Crc.Compute(body);
        byte[] bytes = [0x79, 0x79, .. body, (byte)(crc >> 8), (byte)crc, 0x0D, 0x0A];
        var session = Gt06Kit.LoggedIn();
        var decoded = Gt06Kit.Decode(session, Support.Segments.SplitAt(bytes, 500));
        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        bytes[600] ^= 1;
        Gt06Kit.AssertRejected(Gt06Kit.Decode(session, Support.Segments.SplitAt(bytes, 500)), "crc mismatch");
    }

    [Fact]
    public void Crc_is_crc16_x25()
    {
        Assert.Equal(0x906E, Gt06Crc.Compute("123456789"u8));
        Assert.Equal(0x906E, Gt06Crc.Compute(Support.Segments.OneBytePerSegment("123456789"u8.ToArray())));
    }

    [Fact]
    public void Protocol_is_registered_in_the_catalog()
    {
        var protocol = ProtocolCatalog.Find("gt06");
        Assert.NotNull(protocol);
        Assert.Equal(5023, protocol.DefaultPort);
        Assert.IsType<Gt06Session>(protocol.CreateSession(new SessionOptions()));
    }
}
