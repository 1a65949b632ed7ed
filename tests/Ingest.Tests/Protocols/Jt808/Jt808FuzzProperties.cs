using System.Buffers;
using FsCheck.Xunit;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>Nothing but FrameException leaves TryReadFrame, and Decode never throws, whatever the bytes.</summary>
public sealed class Jt808FuzzProperties
{
    private static readonly byte[][] RealFrames =
    [
        .. ProtocolVectors.Load("jt808").Select(v => v.Bytes),
        Hex(Jt808SpecFrames.Registration),
        Hex(Jt808SpecFrames.Authentication2019),
        Hex(Jt808SpecFrames.Alarm),
    ];

    [Property(Arbitrary = [typeof(Jt808Generators)], MaxTest = 500)]
    public void Random_bytes_never_throw_anything_but_frame_exception(byte[] noise)
    {
        Feed(noise);
        Decode(noise);
    }

    [Property(MaxTest = 1000)]
    public void Mutated_real_frames_never_throw(int frameIndex, int[] positions, byte[] values, bool truncate)
    {
        var frame = (byte[])RealFrames[(int)((uint)frameIndex % RealFrames.Length)].Clone();
        for (var i = 0; i < Math.Min(positions.Length, values.Length); i++)
        {
            frame[(int)((uint)positions[i] % frame.Length)] = values[i];
        }

        if (truncate && positions.Length > 0)
        {
            frame = frame[..(int)((uint)positions[0] % frame.Length)];
        }

        Feed(frame);
        Decode(frame);
    }

    private static void Feed(byte[] bytes)
    {
        foreach (var stream in new[] { new ReadOnlySequence<byte>(bytes), bytes.Length == 0 ? default : Segments.SplitAt(bytes, bytes.Length / 2) })
        {
            var session = NewSession(maxFrameBytes: 512);
            var buffer = stream;
            var records = new RecordBatch();
            var reply = new ArrayBufferWriter<byte>();
            try
            {
                while (session.TryReadFrame(ref buffer, out var frame, out _))
                {
                    session.Decode(frame, records, reply);
                }
            }
            catch (FrameException)
            {
                // The only exception framing may throw.
            }
        }
    }

    private static void Decode(byte[] bytes)
    {
        var session = NewSession(requireLogin: false);
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        session.Decode(new ReadOnlySequence<byte>(bytes), records, reply);
        if (bytes.Length > 1)
        {
            session.Decode(Segments.SplitAt(bytes, 1), records, reply);
        }
    }
}
