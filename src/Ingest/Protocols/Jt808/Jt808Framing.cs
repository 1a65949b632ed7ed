using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// The frame layer shared by the server session, the encoder and the reply reader:
/// 0x7E delimiters, 0x7D escaping, XOR checksum.
/// </summary>
internal static class Jt808Framing
{
    public const byte Flag = 0x7E;
    public const byte Escape = 0x7D;
    public const byte EscapedFlag = 0x02;
    public const byte EscapedEscape = 0x01;

    /// <summary>Largest header: id, attributes, version, 10-byte terminal number, serial, packet count and index.</summary>
    public const int MaxHeaderLength = 2 + 2 + 1 + 10 + 2 + 4;

    /// <summary>Body length is a 10-bit field.</summary>
    public const int MaxBodyLength = 0x3FF;

    /// <summary>Largest unescaped content between the flags: header, body and checksum.</summary>
    public const int MaxContentLength = MaxHeaderLength + MaxBodyLength + 1;

    public const string FrameTooLong = "frame longer than the size limit";
    public const string NotDelimited = "frame not delimited by 0x7E";
    public const string InvalidEscape = "invalid escape sequence";
    public const string FlagInsideFrame = "unescaped 0x7E inside frame";
    public const string ContentTooLong = "frame content longer than a JT808 message";

    /// <summary>
    /// Finds the next frame: skips bytes before a 0x7E, takes the last flag of a run of adjacent
    /// flags as the start (an empty frame means the previous flag closed something we missed),
    /// and cuts at the next flag.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out long skippedBytes, int maxFrameBytes)
    {
        frame = default;
        if (buffer.IsSingleSegment)
        {
            return TryReadFrameSingle(ref buffer, out frame, out skippedBytes, maxFrameBytes);
        }

        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryAdvanceTo(Flag, advancePastDelimiter: false))
        {
            skippedBytes = buffer.Length;
            buffer = buffer.Slice(buffer.End);
            return false;
        }

        reader.Advance(1);
        while (reader.TryPeek(out var next) && next == Flag)
        {
            reader.Advance(1);
        }

        var start = reader.Consumed - 1;
        skippedBytes = start;
        if (!reader.TryAdvanceTo(Flag, advancePastDelimiter: true))
        {
            if (buffer.Length - start > maxFrameBytes)
            {
                FrameException.Throw(FrameTooLong);
            }

            buffer = buffer.Slice(start);
            return false;
        }

        var length = reader.Consumed - start;
        if (length > maxFrameBytes)
        {
            FrameException.Throw(FrameTooLong);
        }

        frame = buffer.Slice(start, length);
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    /// <summary>
    /// Unescapes the bytes between the flags of <paramref name="frame"/> into <paramref name="destination"/>.
    /// Returns null on success, else a constant reason.
    /// </summary>
    public static string? Unescape(in ReadOnlySequence<byte> frame, Span<byte> destination, out int length)
    {
        length = 0;
        if (frame.Length < 2)
        {
            return NotDelimited;
        }

        if (frame.IsSingleSegment)
        {
            var span = frame.FirstSpan;
            if (span[0] != Flag || span[^1] != Flag)
            {
                return NotDelimited;
            }

            var pending = false;
            return UnescapeSpan(span[1..^1], destination, ref length, ref pending) ?? (pending ? InvalidEscape : null);
        }

        return UnescapeMultiSegment(frame, destination, out length);
    }

    /// <summary>XOR of every byte of <paramref name="data"/>, eight at a time.</summary>
    public static byte Xor(ReadOnlySpan<byte> data)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        ulong acc = 0;
        foreach (var w in words)
        {
            acc ^= w;
        }

        acc ^= acc >> 32;
        acc ^= acc >> 16;
        acc ^= acc >> 8;
        var x = (byte)acc;
        foreach (var b in data[(words.Length * sizeof(ulong))..])
        {
            x ^= b;
        }

        return x;
    }

    /// <summary>
    /// Writes one frame: header (2013 or 2019 layout), body, checksum, escaped and delimited.
    /// </summary>
    public static void WriteFrame(
        IBufferWriter<byte> output,
        ushort messageId,
        bool is2019,
        byte protocolVersion,
        ReadOnlySpan<byte> terminalNumber,
        ushort serial,
        ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxBodyLength)
        {
            ThrowBodyTooLong();
        }

        var headerLength = 2 + 2 + (is2019 ? 1 : 0) + terminalNumber.Length + 2;
        Span<byte> raw = stackalloc byte[MaxContentLength];
        raw = raw[..(headerLength + body.Length + 1)];
        var attributes = body.Length | (is2019 ? Jt808Attributes.Version2019 : 0);
        BinaryPrimitives.WriteUInt16BigEndian(raw, messageId);
        BinaryPrimitives.WriteUInt16BigEndian(raw[2..], (ushort)attributes);
        var p = 4;
        if (is2019)
        {
            raw[p++] = protocolVersion;
        }

        terminalNumber.CopyTo(raw[p..]);
        p += terminalNumber.Length;
        BinaryPrimitives.WriteUInt16BigEndian(raw[p..], serial);
        p += 2;
        body.CopyTo(raw[p..]);
        p += body.Length;
        raw[p] = Xor(raw[..p]);
        WriteEscaped(output, raw);
    }

    /// <summary>Writes 0x7E, the escaped content, 0x7E.</summary>
    public static void WriteEscaped(IBufferWriter<byte> output, ReadOnlySpan<byte> content)
    {
        var span = output.GetSpan((2 * content.Length) + 2);
        span[0] = Flag;
        var n = 1;
        while (!content.IsEmpty)
        {
            var i = content.IndexOfAny(Flag, Escape);
            var run = i < 0 ? content : content[..i];
            run.CopyTo(span[n..]);
            n += run.Length;
            if (i < 0)
            {
                break;
            }

            span[n++] = Escape;
            span[n++] = content[i] == Flag ? EscapedFlag : EscapedEscape;
            content = content[(i + 1)..];
        }

        span[n++] = Flag;
        output.Advance(n);
    }

    private static bool TryReadFrameSingle(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out long skippedBytes, int maxFrameBytes)
    {
        frame = default;
        var span = buffer.FirstSpan;
        var start = span.IndexOf(Flag);
        if (start < 0)
        {
            skippedBytes = span.Length;
            buffer = buffer.Slice(buffer.End);
            return false;
        }

        while (start + 1 < span.Length && span[start + 1] == Flag)
        {
            start++;
        }

        skippedBytes = start;
        var end = span[(start + 1)..].IndexOf(Flag);
        if (end < 0)
        {
            if (span.Length - start > maxFrameBytes)
            {
                FrameException.Throw(FrameTooLong);
            }

            buffer = buffer.Slice(start);
            return false;
        }

        var length = end + 2;
        if (length > maxFrameBytes)
        {
            FrameException.Throw(FrameTooLong);
        }

        frame = buffer.Slice(start, length);
        buffer = buffer.Slice(start + length);
        return true;
    }

    private static string? UnescapeMultiSegment(in ReadOnlySequence<byte> frame, Span<byte> destination, out int length)
    {
        length = 0;
        Span<byte> edge = stackalloc byte[1];
        frame.Slice(0, 1).CopyTo(edge);
        var first = edge[0];
        frame.Slice(frame.Length - 1, 1).CopyTo(edge);
        if (first != Flag || edge[0] != Flag)
        {
            return NotDelimited;
        }

        var pending = false;
        foreach (var segment in frame.Slice(1, frame.Length - 2))
        {
            if (UnescapeSpan(segment.Span, destination, ref length, ref pending) is { } reason)
            {
                return reason;
            }
        }

        return pending ? InvalidEscape : null;
    }

    /// <summary>Unescapes one run of bytes; <paramref name="pending"/> carries a 0x7D that ended the previous run.</summary>
    private static string? UnescapeSpan(ReadOnlySpan<byte> source, Span<byte> destination, ref int length, ref bool pending)
    {
        while (!source.IsEmpty)
        {
            if (pending)
            {
                var b = source[0];
                if (b != EscapedFlag && b != EscapedEscape)
                {
                    return InvalidEscape;
                }

                if (length == destination.Length)
                {
                    return ContentTooLong;
                }

                destination[length++] = b == EscapedFlag ? Flag : Escape;
                source = source[1..];
                pending = false;
                continue;
            }

            var i = source.IndexOfAny(Escape, Flag);
            var run = i < 0 ? source : source[..i];
            if (run.Length > destination.Length - length)
            {
                return ContentTooLong;
            }

            run.CopyTo(destination[length..]);
            length += run.Length;
            if (i < 0)
            {
                break;
            }

            if (source[i] == Flag)
            {
                return FlagInsideFrame;
            }

            pending = true;
            source = source[(i + 1)..];
        }

        return null;
    }

    private static void ThrowBodyTooLong() =>
        throw new ArgumentException("A JT808 body is at most 1023 bytes; send fewer records per batch.");
}
