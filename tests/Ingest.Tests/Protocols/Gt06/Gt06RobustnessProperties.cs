using System.Buffers;
using FsCheck.Xunit;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

/// <summary>Nothing but FrameException leaves framing, and Decode never throws, whatever the bytes.</summary>
public sealed class Gt06RobustnessProperties
{
    private static readonly byte[][] Frames = BuildFrames();

    [Property(MaxTest = 1000)]
    public void Random_bytes_frame_and_decode_without_unexpected_exceptions(byte[] noise, bool longMarker, bool requireLogin)
    {
        // A start marker in front makes the framer and the decoder look past the first bytes.
        byte[] bytes = longMarker ? [0x79, 0x79, .. noise] : [0x78, 0x78, .. noise];
        FrameAndDecode(bytes, requireLogin);
        DecodeDirectly(bytes, requireLogin);
    }

    [Property(MaxTest = 3000)]
    public void Mutated_real_frames_never_make_decode_throw(int pick, int position, byte value, int cut, bool fixCrc, bool requireLogin)
    {
        var bytes = (byte[])Frames[(int)((uint)pick % (uint)Frames.Length)].Clone();
        bytes[(int)((uint)position % (uint)bytes.Length)] = value;
        if (cut % 4 == 0)
        {
            bytes = bytes[..(int)((uint)cut % (uint)bytes.Length)];
        }

        if (fixCrc)
        {
            // Mend the CRC so that the mutation reaches the body parsers instead of stopping at the checksum.
            FixCrc(bytes);
        }

        DecodeDirectly(bytes, requireLogin);
        FrameAndDecode(bytes, requireLogin);
    }

    private static void FrameAndDecode(byte[] bytes, bool requireLogin)
    {
        for (var split = 0; split <= bytes.Length; split += Math.Max(1, bytes.Length / 3))
        {
            var session = Gt06Kit.Session(requireLogin);
            var buffer = Segments.SplitAt(bytes, split);
            try
            {
                while (session.TryReadFrame(ref buffer, out var frame, out _))
                {
                    AssertConsistent(Gt06Kit.DecodeFrame(session, frame));
                }
            }
            catch (FrameException)
            {
                // The stream cannot be framed any more: the read loop closes the connection.
            }
        }
    }

    private static void DecodeDirectly(byte[] bytes, bool requireLogin)
    {
        AssertConsistent(Gt06Kit.DecodeFrame(Gt06Kit.Session(requireLogin), new ReadOnlySequence<byte>(bytes)));
        AssertConsistent(Gt06Kit.DecodeFrame(Gt06Kit.Session(requireLogin), Segments.OneBytePerSegment(bytes)));
    }

    private static void AssertConsistent(Decoded decoded)
    {
        if (decoded.Result.Status != DecodeStatus.Accepted)
        {
            Assert.NotNull(decoded.Result.Reason);
            Assert.Equal(string.Empty, decoded.ReplyHex);
            Assert.Equal(0, decoded.Batch.Count);
        }
    }

    private static void FixCrc(byte[] bytes)
    {
        if (bytes.Length >= 10)
        {
            var crc = Gt06Crc.Compute(bytes.AsSpan(2, bytes.Length - 6));
            bytes[^4] = (byte)(crc >> 8);
            bytes[^3] = (byte)crc;
        }
    }

    private static byte[][] BuildFrames()
    {
        var frames = ProtocolVectors.Load("gt06").Select(v => v.Bytes).ToList();
        frames.Add(Convert.FromHexString(Gt06Kit.DocLogin));
        frames.Add(Convert.FromHexString(Gt06Kit.DocLocation));
        frames.Add(Convert.FromHexString("78781101035971004909509536322BC001020FE50D0A"));
        frames.Add(Convert.FromHexString("79790008940A01020005B8270D0A"));
        return [.. frames];
    }
}
