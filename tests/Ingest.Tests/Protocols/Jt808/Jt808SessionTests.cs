using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>Identification, the gate, authentication, time zones and the platform's serial.</summary>
public sealed class Jt808SessionTests
{
    [Fact]
    public void Refused_registration_gets_0x8100_result_4_and_closes()
    {
        var gate = new Jt808TestGate(admitted: ["999"]);
        var session = NewSession(gate: gate);
        var outcome = DecodeHex(Jt808SpecFrames.Registration, session);

        Assert.Equal(DecodeResult.Close("device refused"), outcome.Single);
        Assert.Equal(Norm(Jt808SpecFrames.RegistrationRefusedReply), outcome.ReplyHex);
        Assert.Null(session.DeviceId);
        Assert.Equal([Jt808SpecFrames.DeviceId], gate.Asked);
    }

    [Theory]
    [InlineData(Jt808SpecFrames.Location)]
    [InlineData(Jt808SpecFrames.Heartbeat)]
    [InlineData(Jt808SpecFrames.Authentication)]
    public void Refused_device_sending_anything_else_is_closed_without_reply_or_records(string hex)
    {
        var session = NewSession(gate: new Jt808TestGate(admitted: []));
        var outcome = DecodeHex(hex, session);

        Assert.Equal(DecodeResult.Close("device refused"), outcome.Single);
        Assert.Empty(outcome.Reply);
        Assert.Equal(0, outcome.Records.Count);
        Assert.Null(session.DeviceId);
    }

    [Fact]
    public void Refused_device_is_refused_even_when_login_is_not_required()
    {
        var session = NewSession(requireLogin: false, gate: new Jt808TestGate(admitted: []));

        Assert.Equal(DecodeStatus.Close, DecodeHex(Jt808SpecFrames.Location, session).Single.Status);
    }

    [Fact]
    public void Location_without_prior_authentication_is_accepted_once_the_gate_admits_the_header_id()
    {
        var gate = new Jt808TestGate(admitted: [Jt808SpecFrames.DeviceId]);
        var session = NewSession(requireLogin: true, gate: gate);
        var outcome = DecodeHex(Jt808SpecFrames.Location, session);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(1, outcome.Records.Count);
        Assert.Equal(Jt808SpecFrames.DeviceId, session.DeviceId);
    }

    [Fact]
    public void Gate_is_asked_once_per_connection()
    {
        var gate = new Jt808TestGate();
        var session = NewSession(gate: gate);
        DecodeAll(session, Hex(Jt808SpecFrames.Registration), Hex(Jt808SpecFrames.Authentication), Hex(Jt808SpecFrames.Heartbeat), Hex(Jt808SpecFrames.Location));

        Assert.Equal([Jt808SpecFrames.DeviceId], gate.Asked);
    }

    [Fact]
    public void Another_terminal_number_on_a_server_connection_closes_it()
    {
        var session = NewSession();
        DecodeHex(Jt808SpecFrames.Heartbeat, session);
        var outcome = DecodeHex(Jt808SpecFrames.Authentication2019, session);

        Assert.Equal(DecodeResult.Close("terminal number changed on the connection"), outcome.Single);
        Assert.Empty(outcome.Reply);
        Assert.Equal(Jt808SpecFrames.DeviceId, session.DeviceId);
    }

    [Fact]
    public void Decode_command_session_follows_the_terminal_number_of_each_frame()
    {
        var session = NewSession(requireLogin: false);
        DecodeHex(Jt808SpecFrames.Heartbeat, session);
        var outcome = DecodeHex(Jt808SpecFrames.Authentication2019, session);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal("866496077582164", session.DeviceId);
    }

    [Fact]
    public void Authentication_with_a_wrong_code_is_answered_with_result_1()
    {
        var header = new Jt808FrameHeader(Jt808SpecFrames.DeviceId, 5);
        var outcome = DecodeAll(NewSession(), Frame(o => Jt808Encoder.WriteAuthentication(o, header, "not-the-code")));

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        var ack = ParseReply(outcome.Reply);
        Assert.Equal(Jt808Result.Failed, ack.GeneralResult);
        Assert.Equal(5, ack.ReplySerial);
        Assert.Equal(Jt808MessageId.Authentication, ack.ReplyMessageId);
    }

    [Fact]
    public void Authentication_2019_with_a_code_longer_than_its_body_is_rejected()
    {
        // Code length byte 0x40 but only 3 bytes follow.
        var outcome = DecodeHex(Build("0102 4004 01 00000866496077582164 0007 40 313233"));

        Assert.Equal(DecodeResult.Reject("authentication body malformed"), outcome.Single);
        Assert.Empty(outcome.Reply);
    }

    [Fact]
    public void Platform_serial_increments_with_every_reply()
    {
        var header = new Jt808FrameHeader(Jt808SpecFrames.DeviceId, 100);
        var outcome = DecodeAll(
            NewSession(),
            Frame(o => Jt808Encoder.WriteHeartbeat(o, header)),
            Frame(o => Jt808Encoder.WriteHeartbeat(o, header.Next())),
            Frame(o => Jt808Encoder.WriteLogout(o, header.Next().Next())));

        var replies = Replies(outcome.Reply);
        Assert.Equal([0, 1, 2], replies.Select(r => (int)r.Serial));
        Assert.Equal([100, 101, 102], replies.Select(r => (int)r.ReplySerial));
        Assert.Equal([Jt808MessageId.Heartbeat, Jt808MessageId.Heartbeat, Jt808MessageId.Logout], replies.Select(r => r.ReplyMessageId));
    }

    [Fact]
    public void Device_time_zone_comes_from_the_gate_when_configured()
    {
        var session = NewSession(gate: new Jt808TestGate(utcOffset: TimeSpan.FromHours(7)));
        var outcome = DecodeHex(Jt808SpecFrames.Location, session);

        // 2025-07-15 10:30:00 at GMT+7.
        Assert.Equal(new DateTime(2025, 7, 15, 3, 30, 0, DateTimeKind.Utc), outcome.Records.ToPositionRecord(0, "x").Time);
    }

    [Fact]
    public void Terminal_general_response_is_accepted_without_reply()
    {
        var header = new Jt808FrameHeader(Jt808SpecFrames.DeviceId, 9);
        var outcome = DecodeAll(NewSession(), Frame(o => Jt808Encoder.WriteTerminalGeneralResponse(o, header, 3, 0x8103, Jt808Result.Ok)));

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Empty(outcome.Reply);
    }

    [Theory]
    [InlineData("0900 0003 013912345678 0004 f1 0203", Jt808MessageId.UplinkPassThrough)] // pass-through: not handled
    [InlineData("0200 0403 013912345678 0004 aabbcc", Jt808MessageId.LocationReport)] // RSA-encrypted body
    [InlineData("0200 2003 013912345678 0004 0002 0001 aabbcc", Jt808MessageId.LocationReport)] // packet 1 of 2
    public void Unsupported_encrypted_or_sub_packaged_messages_get_result_3_and_no_records(string content, ushort id)
    {
        var outcome = DecodeHex(Build(content));

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(0, outcome.Records.Count);
        var ack = ParseReply(outcome.Reply);
        Assert.Equal(Jt808Result.Unsupported, ack.GeneralResult);
        Assert.Equal(id, ack.ReplyMessageId);
        Assert.Equal(4, ack.ReplySerial);
    }
}
