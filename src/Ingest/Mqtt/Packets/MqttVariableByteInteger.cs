using System.Buffers;
using System.Runtime.CompilerServices;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// The Variable Byte Integer of 3.1.1 §2.2.3 and 5.0 §1.5.5: 7 bits per byte, least significant
/// group first, the top bit meaning "more bytes follow"; at most 4 bytes (0 … 268,435,455), and
/// in the fewest bytes that hold the value (5.0 §1.5.5: 0x80 0x00 for 0 is malformed).
/// </summary>
public static class MqttVariableByteInteger
{
    public const int MaxValue = 268_435_455;

    public const int MaxBytes = 4;

    /// <summary><see cref="TryRead(ReadOnlySpan{byte}, out int)"/>: a 4th byte still has the continuation bit.</summary>
    public const int TooLong = -1;

    /// <summary><see cref="TryRead(ReadOnlySpan{byte}, out int)"/>: the value would fit in fewer bytes (the last byte is 0x00).</summary>
    public const int NotMinimal = -2;

    private const byte ContinuationBit = 0x80;

    /// <summary>
    /// Reads one from the start of <paramref name="span"/>. Returns the bytes it took, 0 when the
    /// span ends before the last byte, or (malformed) <see cref="TooLong"/> when a 4th byte still has
    /// the continuation bit, <see cref="NotMinimal"/> when a last byte after the first is 0x00.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TryRead(ReadOnlySpan<byte> span, out int value)
    {
        value = 0;
        var shift = 0;
        for (var i = 0; i < MaxBytes; i++)
        {
            if (i >= span.Length)
            {
                return 0;
            }

            var b = span[i];
            value |= (b & 0x7F) << shift;
            if ((b & ContinuationBit) == 0)
            {
                return b == 0 && i > 0 ? NotMinimal : i + 1;
            }

            shift += 7;
        }

        return -1;
    }

    /// <summary>Same as the span overload for a sequence whose first segment may be short.</summary>
    public static int TryRead(in ReadOnlySequence<byte> sequence, out int value)
    {
        Span<byte> copy = stackalloc byte[MaxBytes];
        var length = (int)Math.Min(MaxBytes, sequence.Length);
        sequence.Slice(0, length).CopyTo(copy);
        return TryRead(copy[..length], out value);
    }

    /// <summary>Why a negative <see cref="TryRead(ReadOnlySpan{byte}, out int)"/> result is malformed; 0 means truncated.</summary>
    public static string MalformedReason(int result) => result switch
    {
        TooLong => MqttReasons.RemainingLengthTooLong,
        NotMinimal => MqttReasons.VariableByteIntegerNotMinimal,
        _ => MqttReasons.Truncated,
    };

    /// <summary>How many bytes <paramref name="value"/> takes on the wire.</summary>
    public static int SizeOf(int value)
    {
        if ((uint)value > MaxValue)
        {
            ThrowOutOfRange(value);
        }

        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }

    /// <summary>Writes <paramref name="value"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        if ((uint)value > MaxValue)
        {
            ThrowOutOfRange(value);
        }

        var i = 0;
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            if (value > 0)
            {
                b |= ContinuationBit;
            }

            destination[i++] = b;
        }
        while (value > 0);
        return i;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(int value) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, "a variable byte integer holds 0 to 268,435,455");
}
