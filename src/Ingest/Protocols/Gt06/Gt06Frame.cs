using System.Buffers;
using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>
/// GT06 frame layout and framing. A short frame is <c>78 78 L P content serial crc 0D 0A</c>
/// (L + 5 bytes), a long frame <c>79 79 LL P content serial crc 0D 0A</c> (L + 6 bytes); L counts
/// the protocol number through the CRC.
/// </summary>
internal static class Gt06Frame
{
    public const byte ShortStart = 0x78;
    public const byte LongStart = 0x79;
    public const byte Cr = 0x0D;
    public const byte Lf = 0x0A;

    /// <summary>Start, length, stop bytes around L in a short frame.</summary>
    public const int ShortOverhead = 5;

    /// <summary>Start, two length bytes, stop bytes around L in a long frame.</summary>
    public const int LongOverhead = 6;

    /// <summary>Smallest L: protocol number, serial, CRC.</summary>
    public const int MinDeclaredLength = 5;

    /// <summary>Serial, CRC and stop bytes that end every frame.</summary>
    public const int TrailerLength = 6;

    public enum Shape
    {
        Incomplete,
        NotAFrame,
        Frame,
    }

    /// <summary>
    /// Cuts the next frame off <paramref name="buffer"/>. Bytes before a start marker are skipped.
    /// A start marker whose declared length does not end on <c>0D 0A</c> (or declares less than the
    /// minimum, like the length-0 Wi-Fi frames of some firmwares) is treated as garbage: one byte is
    /// skipped and the search resumes, so the stream resynchronises on the next real frame.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameBytes, out ReadOnlySequence<byte> frame, out long skippedBytes)
    {
        skippedBytes = 0;
        while (true)
        {
            var at = FindStart(buffer);
            if (at < 0)
            {
                skippedBytes += buffer.Length;
                buffer = buffer.Slice(buffer.End);
                frame = default;
                return false;
            }

            if (at > 0)
            {
                skippedBytes += at;
                buffer = buffer.Slice(at);
            }

            switch (Measure(buffer, maxFrameBytes, out var total))
            {
                case Shape.Incomplete:
                    frame = default;
                    return false;
                case Shape.Frame:
                    frame = buffer.Slice(0, total);
                    buffer = buffer.Slice(total);
                    return true;
                default:
                    skippedBytes++;
                    buffer = buffer.Slice(1);
                    break;
            }
        }
    }

    /// <summary>
    /// Looks at a buffer that begins with a start marker: is a whole frame there, not yet, or is
    /// the marker not a frame start. Throws <see cref="FrameException"/> for a declared length over the limit.
    /// </summary>
    public static Shape Measure(in ReadOnlySequence<byte> buffer, int maxFrameBytes, out int total)
    {
        total = 0;
        Span<byte> head = stackalloc byte[4];
        var available = buffer.Length;
        if (available < 3)
        {
            return Shape.Incomplete;
        }

        if (buffer.FirstSpan.Length >= 4)
        {
            buffer.FirstSpan[..4].CopyTo(head);
        }
        else
        {
            buffer.Slice(0, Math.Min(4, available)).CopyTo(head);
        }

        int declared;
        if (head[0] == ShortStart)
        {
            declared = head[2];
            total = declared + ShortOverhead;
        }
        else
        {
            if (available < 4)
            {
                return Shape.Incomplete;
            }

            declared = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
            total = declared + LongOverhead;
        }

        if (declared < MinDeclaredLength)
        {
            return Shape.NotAFrame;
        }

        if (total > maxFrameBytes)
        {
            FrameException.Throw(Gt06Reasons.FrameTooLong);
        }

        if (available < total)
        {
            return Shape.Incomplete;
        }

        return EndsWithStop(buffer, total) ? Shape.Frame : Shape.NotAFrame;
    }

    /// <summary>Index of the first start marker (<c>78 78</c> or <c>79 79</c>), or of a trailing lone 78/79 that may begin one; -1 if none.</summary>
    public static long FindStart(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            return FindStart(buffer.FirstSpan);
        }

        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryAdvanceToAny([ShortStart, LongStart], advancePastDelimiter: false))
        {
            reader.TryPeek(out var first);
            if (!reader.TryPeek(1, out var second) || second == first)
            {
                return reader.Consumed;
            }

            reader.Advance(1);
        }

        return -1;
    }

    public static int FindStart(ReadOnlySpan<byte> span)
    {
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOfAny(ShortStart, LongStart);
            if (i < 0)
            {
                return -1;
            }

            i += offset;
            if (i + 1 == span.Length || span[i + 1] == span[i])
            {
                return i;
            }

            offset = i + 1;
        }
    }

    /// <summary>
    /// Checks a whole frame's structure (marker, declared length equal to its size, stop bytes) and
    /// returns its header length (3 or 4); false when it is not a well-formed frame.
    /// </summary>
    public static bool TryGetLayout(ReadOnlySpan<byte> frame, out int headerLength)
    {
        headerLength = 0;
        if (frame.Length < MinDeclaredLength + ShortOverhead || frame[1] != frame[0])
        {
            return false;
        }

        int total;
        if (frame[0] == ShortStart)
        {
            headerLength = 3;
            total = frame[2] + ShortOverhead;
        }
        else if (frame[0] == LongStart && frame.Length >= MinDeclaredLength + LongOverhead)
        {
            headerLength = 4;
            total = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]) + LongOverhead;
        }
        else
        {
            return false;
        }

        return total == frame.Length && frame[^2] == Cr && frame[^1] == Lf;
    }

    private static bool EndsWithStop(in ReadOnlySequence<byte> buffer, int total)
    {
        var first = buffer.FirstSpan;
        if (first.Length >= total)
        {
            return first[total - 2] == Cr && first[total - 1] == Lf;
        }

        Span<byte> stop = stackalloc byte[2];
        buffer.Slice(total - 2, 2).CopyTo(stop);
        return stop[0] == Cr && stop[1] == Lf;
    }
}
