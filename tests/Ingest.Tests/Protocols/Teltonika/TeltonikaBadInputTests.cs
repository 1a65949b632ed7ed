using System.Buffers;
using System.Buffers.Binary;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>Packets that are framed but not good data: rejected with a reason, nothing appended, no ack.</summary>
public sealed class TeltonikaBadInputTests
{
    private static readonly byte[] Avl = ProtocolVectors.At("teltonika", 8).Bytes;

    private static void AssertRejected(byte[] packet, string reason)
    {
        var session = TeltonikaTestKit.LoggedInSession();
        var records = new RecordBatch();
        ref var earlier = ref records.Add();
        earlier.TimeMs = 42;
        records.AddIo(1, 1);
        var reply = new ArrayBufferWriter<byte>();

        var result = session.Decode(new ReadOnlySequence<byte>(packet), records, reply);

        Assert.Equal(DecodeResult.Reject(reason), result);
        Assert.Equal(1, records.Count);
        Assert.Equal(1, records.IoOf(records[0]).Length);
        Assert.Equal(0, reply.WrittenCount);
    }

    [Fact]
    public void Wrong_crc_is_rejected()
    {
        var packet = (byte[])Avl.Clone();
        packet[^1] ^= 0x01;

        AssertRejected(packet, TeltonikaReasons.CrcMismatch);
    }

    [Fact]
    public void Non_zero_top_bytes_of_the_crc_field_are_rejected()
    {
        var packet = (byte[])Avl.Clone();
        packet[^4] = 0x01;

        AssertRejected(packet, TeltonikaReasons.CrcMismatch);
    }

    [Fact]
    public void Corrupted_record_byte_is_rejected_by_the_crc()
    {
        var packet = (byte[])Avl.Clone();
        packet[30] ^= 0x80;

        AssertRejected(packet, TeltonikaReasons.CrcMismatch);
    }

    [Fact]
    public void Record_counts_that_differ_are_rejected()
    {
        var packet = (byte[])Avl.Clone();
        packet[^5]--;

        AssertRejected(TeltonikaTestKit.WithFixedCrc(packet), TeltonikaReasons.RecordCountsDiffer);
    }

    [Fact]
    public void More_records_announced_than_the_data_holds_are_rejected()
    {
        var packet = (byte[])Avl.Clone();
        packet[9]++;
        packet[^5]++;

        AssertRejected(TeltonikaTestKit.WithFixedCrc(packet), TeltonikaReasons.RecordOverrun);
    }

    [Fact]
    public void Fewer_records_announced_than_the_data_holds_are_rejected()
    {
        var packet = (byte[])Avl.Clone();
        packet[9]--;
        packet[^5]--;

        AssertRejected(TeltonikaTestKit.WithFixedCrc(packet), TeltonikaReasons.RecordUnderrun);
    }

    [Fact]
    public void Io_group_count_running_past_the_data_is_rejected()
    {
        // One Codec 8 record announcing three 1-byte IO but carrying one.
        AssertRejected(
            TeltonikaTestKit.Packet("0801" + "0000019469156F40" + "00" + "00000000" + "00000000" + "0000" + "0000" + "00" + "0000" + "00" + "03" + "03" + "EF01" + "01"),
            TeltonikaReasons.RecordOverrun);
    }

    [Fact]
    public void Variable_length_io_longer_than_the_data_is_rejected()
    {
        // One Codec 8 Extended record whose only variable-length IO claims 200 bytes.
        AssertRejected(
            TeltonikaTestKit.Packet("8E01" + "0000019469156F40" + "00" + "00000000" + "00000000" + "0000" + "0000" + "00" + "0000"
                + "0000" + "0001" + "0000" + "0000" + "0000" + "0000" + "0001" + "0100" + "00C8" + "AABB" + "01"),
            TeltonikaReasons.RecordOverrun);
    }

    [Fact]
    public void Unknown_codec_is_rejected()
    {
        AssertRejected(TeltonikaTestKit.Packet("0E0000"), TeltonikaReasons.UnsupportedCodec);
    }

    [Fact]
    public void Data_length_shorter_than_codec_and_counts_is_rejected()
    {
        AssertRejected(TeltonikaTestKit.Packet("0800"), TeltonikaReasons.DataTooShort);
    }

    [Fact]
    public void Declared_length_that_does_not_match_the_frame_is_rejected()
    {
        var packet = (byte[])Avl.Clone();
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), packet.Length - 13);

        AssertRejected(packet, TeltonikaReasons.DataLengthMismatch);
    }

    [Fact]
    public void Frame_that_is_not_a_keep_alive_login_or_packet_is_rejected()
    {
        AssertRejected([0x7E], TeltonikaReasons.UnknownFrame);
        AssertRejected([], TeltonikaReasons.UnknownFrame);
    }

    [Fact]
    public void After_a_rejected_packet_the_next_good_one_decodes()
    {
        var session = TeltonikaTestKit.LoggedInSession();
        var bad = (byte[])Avl.Clone();
        bad[^1] ^= 0xFF;

        Assert.Equal(DecodeStatus.Rejected, TeltonikaTestKit.Decode(session, bad).Result.Status);
        var good = TeltonikaTestKit.Decode(session, Avl);

        Assert.Equal(DecodeResult.Accepted, good.Result);
        Assert.Equal("00000008", good.ReplyHex);
    }
}
