using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;
using Telematics.Ingest.Tests.Support;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>The captured frames of Protocols/Vectors/jt808.jsonl.</summary>
public sealed class Jt808VectorTests
{
    public static TheoryData<int> Lines => ProtocolVectors.Lines("jt808");

    [Theory]
    [MemberData(nameof(Lines))]
    public void Captured_frame_decodes_to_the_expected_records_or_is_refused_for_its_checksum(int line)
    {
        var vector = ProtocolVectors.At("jt808", line);
        var session = NewSession();
        var buffer = new ReadOnlySequence<byte>(vector.Bytes);

        Assert.True(session.TryReadFrame(ref buffer, out var frame, out var skipped));
        Assert.Equal(0, skipped);
        Assert.True(buffer.IsEmpty);

        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        var result = session.Decode(frame, records, reply);

        if (vector.IsChecksumError)
        {
            Assert.Equal(DecodeStatus.Rejected, result.Status);
            Assert.Equal("checksum mismatch", result.Reason);
            Assert.Equal(0, records.Count);
            Assert.Equal(0, reply.WrittenCount);
            return;
        }

        Assert.Equal(DecodeStatus.Accepted, result.Status);
        Assert.Equal(vector.Records.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            DecodedRecordAssert.Matches(vector.Records[i], records[i]);
        }

        var ack = ParseReply(reply.WrittenSpan.ToArray());
        Assert.True(ack.IsGeneralResponse);
        Assert.Equal(Jt808Result.Ok, ack.GeneralResult);
        Assert.Equal(vector.Bytes[1] << 8 | vector.Bytes[2], ack.ReplyMessageId);
    }

    [Theory]
    [InlineData(1, "0")]
    [InlineData(2, "866496077582164")]
    [InlineData(3, "794308010679")]
    [InlineData(10, "9590001944")]
    [InlineData(24, "865478070001047")]
    public void Device_id_is_the_terminal_number_without_leading_zeros_or_the_binary_imei(int line, string deviceId)
    {
        var outcome = DecodeAll(NewSession(), ProtocolVectors.At("jt808", line).Bytes);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(deviceId, outcome.Records.ToPositionRecord(0, deviceId).DeviceId);
        var session = NewSession();
        DecodeAll(session, ProtocolVectors.At("jt808", line).Bytes);
        Assert.Equal(deviceId, session.DeviceId);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(20, true)]
    [InlineData(2, false)]
    public void Batch_records_are_archived_when_the_batch_is_a_blind_area_upload(int line, bool archived)
    {
        var outcome = DecodeAll(NewSession(), ProtocolVectors.At("jt808", line).Bytes);

        Assert.NotEqual(0, outcome.Records.Count);
        for (var i = 0; i < outcome.Records.Count; i++)
        {
            Assert.Equal(archived, outcome.Records[i].Archived);
        }

        Assert.Equal(Jt808Result.Ok, ParseReply(outcome.Reply).GeneralResult);
    }

    [Fact]
    public void Reply_to_a_2019_frame_copies_its_version_and_terminal_number()
    {
        var outcome = DecodeAll(NewSession(), ProtocolVectors.At("jt808", 2).Bytes);

        var ack = ParseReply(outcome.Reply);
        Assert.Equal(Jt808Version.V2019, ack.Version);
        Assert.Equal("00000866496077582164", ack.TerminalNumber);
        Assert.Equal(Jt808MessageId.LocationBatch, ack.ReplyMessageId);
    }

    [Fact]
    public void Frame_with_escaped_bytes_in_its_items_is_unescaped_before_the_checksum()
    {
        // Line 15 carries 7D 01 / 7D 02 inside its additional items (Traccar's id 311 quirk).
        var outcome = DecodeAll(NewSession(), ProtocolVectors.At("jt808", 15).Bytes);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(1, outcome.Records.Count);
    }
}
