using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// Reads MQTT data types (§1.5 of both specs) from a contiguous packet body; every underrun or
/// breach throws <see cref="MqttProtocolException"/> (Malformed Packet).
/// </summary>
public ref struct MqttSpanReader(ReadOnlySpan<byte> span)
{
    private readonly ReadOnlySpan<byte> _span = span;

    public int Position { get; private set; }

    public readonly int Remaining => _span.Length - Position;

    public readonly bool End => Position == _span.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if (Position >= _span.Length)
        {
            MqttProtocolException.Malformed(MqttReasons.Truncated);
        }

        return _span[Position++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort ReadUInt16()
    {
        var value = BinaryPrimitives.ReadUInt16BigEndian(Take(2));
        return value;
    }

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadVariableByteInteger()
    {
        var n = MqttVariableByteInteger.TryRead(_span[Position..], out var value);
        if (n <= 0)
        {
            MqttProtocolException.Malformed(MqttVariableByteInteger.MalformedReason(n));
        }

        Position += n;
        return value;
    }

    /// <summary>A two-byte-length-prefixed UTF-8 string, validated, as its bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadUtf8()
    {
        var bytes = ReadBinary();
        if (!MqttUtf8.IsValid(bytes))
        {
            MqttProtocolException.Malformed(MqttReasons.InvalidUtf8);
        }

        return bytes;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadUtf8());

    /// <summary>Two-byte length, then that many bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadUInt16();
        return Take(length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Take(int length)
    {
        if (length > _span.Length - Position)
        {
            MqttProtocolException.Malformed(MqttReasons.Truncated);
        }

        var slice = _span.Slice(Position, length);
        Position += length;
        return slice;
    }

    public ReadOnlySpan<byte> Rest() => Take(Remaining);
}
