using System.Buffers;
using System.Collections.Concurrent;
using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Transport;

/// <summary>
/// The decode buffers a connection needs only while it has bytes to process. Pooled, so that
/// an idle connection holds none of them (memory per idle connection stays small) and a busy
/// one allocates nothing per frame.
/// </summary>
internal sealed class FrameWorkspace
{
    private static readonly ConcurrentBag<FrameWorkspace> Pool = [];

    public RecordBatch Records { get; } = new();

    public ArrayBufferWriter<byte> Reply { get; } = new(256);

    public static FrameWorkspace Rent() => Pool.TryTake(out var workspace) ? workspace : new FrameWorkspace();

    public static void Return(FrameWorkspace workspace)
    {
        workspace.Records.Clear();
        workspace.Reply.ResetWrittenCount();
        Pool.Add(workspace);
    }
}
