using System.Buffers;
using System.Buffers.Binary;
using FsCheck.Xunit;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>Whatever arrives, framing throws nothing but FrameException and decoding throws nothing at all.</summary>
public sealed class TeltonikaFuzzProperties
{
    private static readonly byte[][] RealPackets =
    [
        ProtocolVectors.At("teltonika", 3).Bytes, // Codec 8 Extended with variable-length IO
        ProtocolVectors.At("teltonika", 6).Bytes, // Codec 16
        ProtocolVectors.At("teltonika", 16).Bytes, // Codec 8 with the 16-byte group
    ];

    [Property(MaxTest = 1000)]
    public void Random_bytes_through_framing_and_decoding_never_throw_anything_but_frame_exception(byte[] bytes, bool requireLogin)
    {
        FrameAndDecodeAll(TeltonikaTestKit.Session(requireLogin), bytes);
    }

    [Property(MaxTest = 1000)]
    public void Random_frames_handed_straight_to_decode_never_throw(byte[] bytes, bool requireLogin)
    {
        var session = TeltonikaTestKit.Session(requireLogin);
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();

        var result = session.Decode(new ReadOnlySequence<byte>(bytes), records, reply);

        AssertConsistent(result, records, reply);
    }

    [Property(MaxTest = 2000)]
    public void Mutated_real_packets_with_a_valid_crc_are_decoded_or_rejected_without_throwing(int seed)
    {
        var random = new Random(seed);
        var packet = (byte[])RealPackets[random.Next(RealPackets.Length)].Clone();
        var mutations = random.Next(1, 6);
        for (var i = 0; i < mutations; i++)
        {
            // Mutate the data only (codec id through count 2) and fix the CRC: the record decoder must cope.
            packet[random.Next(8, packet.Length - 4)] = (byte)random.Next(256);
        }

        packet = TeltonikaTestKit.WithFixedCrc(packet);
        var session = TeltonikaTestKit.Session();
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();

        var result = session.Decode(new ReadOnlySequence<byte>(packet), records, reply);

        AssertConsistent(result, records, reply);
        FrameAndDecodeAll(TeltonikaTestKit.Session(), packet);
        FrameAndDecodeAll(TeltonikaTestKit.Session(), packet.AsSpan(0, random.Next(packet.Length)).ToArray());
    }

    [Property(MaxTest = 1000)]
    public void Real_packets_cut_short_with_a_consistent_length_and_crc_are_rejected(int seed)
    {
        var random = new Random(seed);
        var original = RealPackets[random.Next(RealPackets.Length)];
        var n = original.Length - 12;
        var cut = random.Next(3, n);

        // Keep codec id, count 1 and the first records, then count 2; fix length and CRC.
        var packet = new byte[cut + 12];
        original.AsSpan(0, 8 + cut - 1).CopyTo(packet);
        packet[8 + cut - 1] = original[9];
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), cut);
        packet = TeltonikaTestKit.WithFixedCrc(packet);

        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.Session(), new ReadOnlySequence<byte>(packet));

        Assert.Equal(DecodeStatus.Rejected, decoded.Result.Status);
        Assert.Equal(0, decoded.Records.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    private static void FrameAndDecodeAll(IProtocolSession session, byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        try
        {
            while (session.TryReadFrame(ref buffer, out var frame, out var skipped))
            {
                Assert.Equal(0, skipped);
                var result = session.Decode(frame, records, reply);
                if (result.Status == DecodeStatus.Close)
                {
                    return;
                }
            }
        }
        catch (FrameException error)
        {
            Assert.False(string.IsNullOrEmpty(error.Message));
        }
    }

    private static void AssertConsistent(DecodeResult result, RecordBatch records, ArrayBufferWriter<byte> reply)
    {
        switch (result.Status)
        {
            case DecodeStatus.Rejected:
                Assert.False(string.IsNullOrEmpty(result.Reason));
                Assert.Equal(0, records.Count);
                Assert.Equal(0, reply.WrittenCount);
                break;
            case DecodeStatus.Close:
                Assert.False(string.IsNullOrEmpty(result.Reason));
                Assert.Equal(0, records.Count);
                break;
            default:
                Assert.Null(result.Reason);
                Assert.True(reply.WrittenCount is 0 or 1 || reply.WrittenCount == 4);
                if (reply.WrittenCount == 4)
                {
                    Assert.Equal(records.Count, BinaryPrimitives.ReadInt32BigEndian(reply.WrittenSpan));
                }

                break;
        }
    }
}
