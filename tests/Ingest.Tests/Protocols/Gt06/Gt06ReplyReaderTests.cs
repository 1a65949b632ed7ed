using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

/// <summary>The device side: a simulated device matches every server ack to the frame it sent.</summary>
public sealed class Gt06ReplyReaderTests
{
    [Fact]
    public void Simulated_device_gets_an_ack_for_login_location_alarm_and_heartbeat()
    {
        var record = new DecodedRecord { TimeMs = 1_735_689_600_000, Lat = 21.5, Lon = 106.7, SpeedKmh = 60, Heading = 90, Satellites = 9, Valid = true };
        var device = new ArrayBufferWriter<byte>();
        Gt06Encoder.WriteLogin(device, "359710049095095", 1, TimeSpan.FromHours(7));
        Gt06Encoder.WriteLocation(device, record, 2, TimeSpan.FromHours(7));
        Gt06Encoder.WriteAlarm(device, record, 3, Gt06AlarmCode.Overspeed, TimeSpan.FromHours(7));
        Gt06Encoder.WriteHeartbeat(device, 4);

        var session = Gt06Kit.Session();
        var server = new ArrayBufferWriter<byte>();
        var batch = new RecordBatch();
        var inbound = new ReadOnlySequence<byte>(device.WrittenMemory);
        while (session.TryReadFrame(ref inbound, out var frame, out _))
        {
            Assert.Equal(DecodeStatus.Accepted, session.Decode(frame, batch, server).Status);
        }

        Assert.Equal(2, batch.Count);
        Assert.Equal(record.TimeMs, batch[0].TimeMs);
        Assert.Equal(record.TimeMs, batch[1].TimeMs);

        var acks = new List<(byte, ushort)>();
        var replies = Segments.OneBytePerSegment(server.WrittenSpan.ToArray());
        while (Gt06ReplyReader.TryReadReply(ref replies, out var protocol, out var serial))
        {
            acks.Add((protocol, serial));
        }

        Assert.True(replies.IsEmpty);
        Assert.Equal(
            [(Gt06MessageType.Login, (ushort)1), (Gt06MessageType.GpsLbs2, (ushort)2), (Gt06MessageType.Alarm, (ushort)3), (Gt06MessageType.Heartbeat, (ushort)4)],
            acks);
    }

    [Fact]
    public void Incomplete_reply_waits_and_consumes_nothing()
    {
        var reply = Convert.FromHexString(Gt06Kit.DocLoginReply);
        for (var length = 0; length < reply.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(reply, 0, length);
            Assert.False(Gt06ReplyReader.TryReadReply(ref buffer, out _, out _));
            Assert.Equal(length, buffer.Length);
        }
    }

    [Fact]
    public void Reply_with_a_wrong_crc_is_a_frame_error()
    {
        var reply = Convert.FromHexString(Gt06Kit.DocLoginReply);
        reply[^3] ^= 0xFF;
        var buffer = new ReadOnlySequence<byte>(reply);
        var error = Assert.Throws<FrameException>(() => Gt06ReplyReader.TryReadReply(ref buffer, out _, out _));
        Assert.Equal("crc mismatch in server reply", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_frame_are_a_frame_error()
    {
        var buffer = new ReadOnlySequence<byte>([0x00, 0x78, 0x78, 0x05]);
        Assert.Throws<FrameException>(() => Gt06ReplyReader.TryReadReply(ref buffer, out _, out _));
        buffer = new ReadOnlySequence<byte>(Convert.FromHexString("787805010001D9DC0D0B"));
        Assert.Throws<FrameException>(() => Gt06ReplyReader.TryReadReply(ref buffer, out _, out _));
    }
}
