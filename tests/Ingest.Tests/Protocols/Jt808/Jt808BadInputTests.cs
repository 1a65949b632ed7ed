using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;
using Telematics.Ingest.Tests.Support;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>Malformed frames are rejected with a reason, nothing appended, nothing written, and no exception.</summary>
public sealed class Jt808BadInputTests
{
    private const string Terminal = "013912345678";
    private const string Basic = "00000000 00000002 0140dbb3 064ee6b0 000f 0258 005a 250715103000";

    public static TheoryData<string, string> Malformed => new()
    {
        // Checksum byte off by one bit.
        { "7e 0002 0000 013912345678 0001 32 7e", "checksum mismatch" },
        // 7D followed by something other than 01/02.
        { "7e 0002 0000 013912345678 7d03 0001 33 7e", "invalid escape sequence" },
        // 7D as the last byte before the closing flag.
        { "7e 0002 0000 013912345678 0001 7d 7e", "invalid escape sequence" },
        // Fewer bytes than a 2013 header plus checksum.
        { "7e 0002 0000 0139 7e", "frame shorter than a JT808 header" },
        { "7e 00 7e", "frame shorter than a JT808 header" },
        // A 2019 header cut short.
        { Build("0002 4000 01 00000866496077"), "frame shorter than a JT808 header" },
        // Declared body 5 bytes, actual 3, and the other way round.
        { Build("0002 0005 " + Terminal + " 0001 010203"), "body length does not match the header" },
        { Build("0002 0001 " + Terminal + " 0001 010203"), "body length does not match the header" },
        // Location body shorter than its 28-byte basic part.
        { Build("0200 0004 " + Terminal + " 0001 00000000"), "location body shorter than 28 bytes" },
        // Month 13; a non-decimal BCD digit.
        { Build("0200 001c " + Terminal + " 0001 " + Basic[..^12] + "251315103000"), "invalid BCD time" },
        { Build("0200 001c " + Terminal + " 0001 " + Basic[..^12] + "2507151030a0"), "invalid BCD time" },
        // Item 0x01 claims 4 bytes, 2 follow; a lone trailing byte.
        { Build("0200 0020 " + Terminal + " 0001 " + Basic + "0104 0000"), "additional item runs past the body" },
        { Build("0200 001d " + Terminal + " 0001 " + Basic + "31"), "additional item runs past the body" },
        // Batch: count 2, one item; item length past the body; trailing bytes after the items.
        { Build("0704 0021 " + Terminal + " 0001 0002 00 001c " + Basic), "batch body malformed" },
        { Build("0704 0021 " + Terminal + " 0001 0001 00 00ff " + Basic), "batch body malformed" },
        { Build("0704 0022 " + Terminal + " 0001 0001 00 001c " + Basic + "ff"), "batch body malformed" },
        { Build("0704 0002 " + Terminal + " 0001 0001"), "batch body malformed" },
        // Batch item whose own time is bad.
        { Build("0704 0021 " + Terminal + " 0001 0001 01 001c " + Basic[..^12] + "000000000000"), "invalid BCD time" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_frame_is_rejected_with_its_reason_and_nothing_appended_or_written(string hex, string reason)
    {
        foreach (var requireLogin in new[] { true, false })
        {
            var bytes = Hex(hex);
            var records = new RecordBatch();
            records.Add().Lat = 1; // a record from an earlier frame must survive
            var reply = new ArrayBufferWriter<byte>();
            var session = NewSession(requireLogin);
            var buffer = new ReadOnlySequence<byte>(bytes);
            Assert.True(session.TryReadFrame(ref buffer, out var frame, out _));

            var result = session.Decode(frame, records, reply);

            Assert.Equal(DecodeResult.Reject(reason), result);
            Assert.Equal(1, records.Count);
            Assert.Equal(0, reply.WrittenCount);

            var split = Segments.OneBytePerSegment(bytes);
            Assert.Equal(result, session.Decode(split, records, reply));
        }
    }

    [Fact]
    public void Batch_failing_on_a_later_item_drops_the_items_already_decoded()
    {
        var good = "001c " + Basic;
        var bad = "001c " + Basic[..^12] + "991399999999";
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        var result = NewSession().Decode(
            new ReadOnlySequence<byte>(Hex(Build("0704 005d " + Terminal + " 0001 0003 01 " + good + good + bad))), records, reply);

        Assert.Equal(DecodeResult.Reject("invalid BCD time"), result);
        Assert.Equal(0, records.Count);
        Assert.Equal(0, reply.WrittenCount);
    }

    [Fact]
    public void Location_with_an_item_overrun_after_io_values_drops_the_record()
    {
        // 0x12 area item decodes into io values, then an item overruns.
        var records = new RecordBatch();
        var result = NewSession().Decode(
            new ReadOnlySequence<byte>(Hex(Build("0200 0026 " + Terminal + " 0001 " + Basic + "1206 010000002a01 e105"))),
            records,
            new ArrayBufferWriter<byte>());

        Assert.Equal(DecodeResult.Reject("additional item runs past the body"), result);
        Assert.Equal(0, records.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7e")]
    [InlineData("0002")]
    [InlineData("7e 0002 0000 013912345678 0001 33")]
    [InlineData("0002 0000 013912345678 0001 33 7e")]
    [InlineData("7e 0002 7e 0000 013912345678 0001 33 7e")]
    public void Decode_of_bytes_that_are_not_one_frame_is_rejected(string hex)
    {
        var result = NewSession().Decode(new ReadOnlySequence<byte>(Hex(hex)), new RecordBatch(), new ArrayBufferWriter<byte>());

        Assert.Equal(DecodeStatus.Rejected, result.Status);
    }

    [Fact]
    public void Content_longer_than_any_jt808_message_is_rejected()
    {
        var bytes = new byte[2000];
        bytes.AsSpan().Fill(0x11);
        bytes[0] = bytes[^1] = 0x7E;

        var result = NewSession().Decode(new ReadOnlySequence<byte>(bytes), new RecordBatch(), new ArrayBufferWriter<byte>());

        Assert.Equal(DecodeResult.Reject("frame content longer than a JT808 message"), result);
    }

    [Fact]
    public void Named_item_of_unexpected_length_is_kept_under_its_numeric_id()
    {
        var outcome = DecodeHex(Build("0200 0020 " + Terminal + " 0001 " + Basic + "3102 0102"));

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        var record = outcome.Records.ToPositionRecord(0, "x");
        Assert.Equal(0, record.Satellites);
        Assert.Equal(0x0102, Assert.Single(record.Io, v => v.Key == "49").Number);
    }
}
