using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>The hot path allocates nothing per frame once the device is identified.</summary>
public sealed class Jt808AllocationTests
{
    public static TheoryData<string> Frames => new()
    {
        Jt808SpecFrames.Location,
        Jt808SpecFrames.Alarm,
        Jt808SpecFrames.Heartbeat,
        ProtocolVectors.At("jt808", 23).Hex,
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Framing_and_decoding_a_frame_allocates_nothing(string hex)
    {
        var bytes = Hex(hex);
        var single = new ReadOnlySequence<byte>(bytes);
        var split = Segments.SplitAt(bytes, bytes.Length / 2);
        var session = NewSession();
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>(1024);
        var accepted = Run(single) + Run(split); // identifies the device, warms up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            accepted += Run(single) + Run(split);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(202, accepted);

        int Run(ReadOnlySequence<byte> buffer)
        {
            records.Clear();
            reply.ResetWrittenCount();
            return session.TryReadFrame(ref buffer, out var frame, out _)
                && session.Decode(frame, records, reply).Status == DecodeStatus.Accepted ? 1 : 0;
        }
    }
}
