using System.Buffers;
using System.Text.Unicode;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// The UTF-8 rules for MQTT strings (3.1.1 §1.5.3, 5.0 §1.5.4): well-formed UTF-8, no encoded
/// surrogates (U+D800–U+DFFF), and no U+0000. A receiver that finds a breach closes the connection.
/// </summary>
public static class MqttUtf8
{
    private const int StackCopyLimit = 256;

    public static bool IsValid(ReadOnlySpan<byte> text) =>
        text.IndexOf((byte)0) < 0 && Utf8.IsValid(text);

    public static bool IsValid(in ReadOnlySequence<byte> text)
    {
        if (text.IsSingleSegment)
        {
            return IsValid(text.FirstSpan);
        }

        // A string straddling segments: a contiguous copy, on the stack when small.
        var length = (int)text.Length;
        if (length <= StackCopyLimit)
        {
            Span<byte> copy = stackalloc byte[length];
            text.CopyTo(copy);
            return IsValid(copy);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            text.CopyTo(rented);
            return IsValid(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
