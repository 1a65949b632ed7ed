using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

public sealed class Gt06VectorTests
{
    public static TheoryData<int> Lines => ProtocolVectors.Lines("gt06");

    [Theory]
    [MemberData(nameof(Lines))]
    public void Captured_frame_decodes_as_the_vector_says(int line)
    {
        var vector = ProtocolVectors.At("gt06", line);
        var decoded = Gt06Kit.Decode(Gt06Kit.Session(requireLogin: false), vector.Bytes);
        AssertAsExpected(vector, decoded);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Captured_frame_decodes_the_same_at_every_split_point(int line)
    {
        var vector = ProtocolVectors.At("gt06", line);
        var bytes = vector.Bytes;
        for (var split = 1; split < bytes.Length; split++)
        {
            var decoded = Gt06Kit.Decode(Gt06Kit.Session(requireLogin: false), Segments.SplitAt(bytes, split));
            AssertAsExpected(vector, decoded);
        }

        AssertAsExpected(vector, Gt06Kit.Decode(Gt06Kit.Session(requireLogin: false), Segments.OneBytePerSegment(bytes)));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Every_truncation_of_a_captured_frame_waits_and_consumes_nothing(int line)
    {
        var bytes = ProtocolVectors.At("gt06", line).Bytes;
        var session = Gt06Kit.Session(requireLogin: false);
        for (var length = 0; length < bytes.Length; length++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, length);
            Assert.False(session.TryReadFrame(ref buffer, out _, out var skipped));
            Assert.Equal(0, skipped);
            Assert.Equal(length, buffer.Length);
        }
    }

    private static void AssertAsExpected(ProtocolVector vector, Decoded decoded)
    {
        if (vector.IsChecksumError)
        {
            Gt06Kit.AssertRejected(decoded, "crc mismatch");
            return;
        }

        Assert.Equal(DecodeStatus.Accepted, decoded.Result.Status);
        Assert.Equal(vector.Records.Count, decoded.Batch.Count);
        for (var i = 0; i < vector.Records.Count; i++)
        {
            DecodedRecordAssert.Matches(vector.Records[i], decoded.Batch[i]);
        }

        // Every accepted short frame gets the generic reply: its protocol number and serial echoed.
        var bytes = vector.Bytes;
        var serial = (ushort)((bytes[^6] << 8) | bytes[^5]);
        Assert.Equal(Gt06Kit.Reply(bytes[3], serial), decoded.ReplyHex);
    }
}
