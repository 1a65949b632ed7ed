using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>Traccar's captured Teltonika frames (shared vectors).</summary>
public sealed class TeltonikaVectorTests
{
    public static TheoryData<int> Lines => ProtocolVectors.Lines("teltonika");

    [Theory]
    [MemberData(nameof(Lines))]
    public void Captured_frame_decodes_to_its_records_or_is_refused_for_its_checksum(int line)
    {
        var vector = ProtocolVectors.At("teltonika", line);
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.Session(), new ReadOnlySequence<byte>(vector.Bytes));

        if (vector.IsChecksumError)
        {
            Assert.Equal(DecodeResult.Reject(TeltonikaReasons.CrcMismatch), decoded.Result);
            Assert.Equal(0, decoded.Records.Count);
            Assert.Equal(string.Empty, decoded.ReplyHex);
            return;
        }

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(vector.Records.Count, decoded.Records.Count);
        for (var i = 0; i < vector.Records.Count; i++)
        {
            DecodedRecordAssert.Matches(vector.Records[i], decoded.Records[i]);
        }

        Assert.Equal(vector.Records.Count.ToString("X8", System.Globalization.CultureInfo.InvariantCulture), decoded.ReplyHex);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Captured_frame_decodes_the_same_with_every_byte_in_its_own_segment(int line)
    {
        var bytes = ProtocolVectors.At("teltonika", line).Bytes;
        var whole = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.Session(), new ReadOnlySequence<byte>(bytes));
        var scattered = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.Session(), Segments.OneBytePerSegment(bytes));

        Assert.Equal(whole.Result, scattered.Result);
        Assert.Equal(whole.Lines, scattered.Lines);
        Assert.Equal(whole.ReplyHex, scattered.ReplyHex);
    }

    [Fact]
    public void A_logged_in_device_streaming_every_captured_frame_gets_one_ack_per_good_packet()
    {
        var vectors = ProtocolVectors.Load("teltonika");
        var stream = new List<byte>(TeltonikaTestKit.LoginBytes(TeltonikaTestKit.Imei)) { TeltonikaSession.KeepAlive };
        foreach (var v in vectors)
        {
            stream.AddRange(v.Bytes);
        }

        var session = TeltonikaTestKit.Session(requireLogin: true);
        var buffer = new ReadOnlySequence<byte>(stream.ToArray());
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        var statuses = new List<DecodeStatus>();
        while (session.TryReadFrame(ref buffer, out var frame, out _))
        {
            statuses.Add(session.Decode(frame, records, reply).Status);
        }

        Assert.True(buffer.IsEmpty);
        Assert.Equal(TeltonikaTestKit.Imei, session.DeviceId);
        Assert.Equal(2 + vectors.Count, statuses.Count);
        Assert.All(statuses.Take(2), s => Assert.Equal(DecodeStatus.Accepted, s));
        Assert.Equal(vectors.Select(v => v.IsChecksumError ? DecodeStatus.Rejected : DecodeStatus.Accepted), statuses.Skip(2));
        Assert.Equal(vectors.Sum(v => v.Records.Count), records.Count);

        var good = vectors.Where(v => !v.IsChecksumError).ToList();
        Assert.Equal(1 + (4 * good.Count), reply.WrittenCount);
        var replies = new ReadOnlySequence<byte>(reply.WrittenMemory);
        Assert.True(TeltonikaReplyReader.TryReadLoginReply(ref replies, out var accepted));
        Assert.True(accepted);
        foreach (var v in good)
        {
            Assert.True(TeltonikaReplyReader.TryReadAck(ref replies, out var count));
            Assert.Equal(v.Records.Count, count);
        }
    }
}
