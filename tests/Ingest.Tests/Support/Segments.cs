using System.Buffers;

namespace Telematics.Ingest.Tests.Support;

/// <summary>Builds multi-segment sequences, to test frames that straddle segments as a socket delivers them.</summary>
public static class Segments
{
    /// <summary>The bytes as two segments split at <paramref name="splitAt"/>.</summary>
    public static ReadOnlySequence<byte> SplitAt(byte[] bytes, int splitAt) =>
        Of(bytes.AsMemory(0, splitAt), bytes.AsMemory(splitAt));

    /// <summary>The bytes as one segment per byte: the worst case a reader can meet.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) =>
        Of(Enumerable.Range(0, bytes.Length).Select(i => (ReadOnlyMemory<byte>)bytes.AsMemory(i, 1)).ToArray());

    public static ReadOnlySequence<byte> Of(params ReadOnlyMemory<byte>[] parts)
    {
        if (parts.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(parts[0], 0);
        var last = first;
        for (var i = 1; i < parts.Length; i++)
        {
            last = last.Append(parts[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
