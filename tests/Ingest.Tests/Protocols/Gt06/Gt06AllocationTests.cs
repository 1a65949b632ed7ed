using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

public sealed class Gt06AllocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Framing_and_decoding_location_and_alarm_frames_allocates_nothing(bool straddling)
    {
        byte[] bytes = [.. Convert.FromHexString(Gt06Kit.DocLocation), .. ProtocolVectors.At("gt06", 14).Bytes];
        var stream = straddling ? Segments.SplitAt(bytes, 20) : new ReadOnlySequence<byte>(bytes);
        var session = Gt06Kit.LoggedIn();
        var batch = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>(256);
        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Run()
        {
            var buffer = stream;
            while (session.TryReadFrame(ref buffer, out var frame, out _))
            {
                batch.Clear();
                reply.ResetWrittenCount();
                if (session.Decode(frame, batch, reply).Status != DecodeStatus.Accepted)
                {
                    throw new InvalidOperationException("frame not accepted");
                }
            }
        }
    }
}
