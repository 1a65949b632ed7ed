using System.Buffers.Binary;
using System.Text;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>Writes MQTT data types into a span sized beforehand.</summary>
public ref struct MqttSpanWriter(Span<byte> span)
{
    private readonly Span<byte> _span = span;

    public int Position { get; private set; }

    public void Byte(byte value) => _span[Position++] = value;

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_span[Position..], value);
        Position += 2;
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_span[Position..], value);
        Position += 4;
    }

    public void VariableByteInteger(int value) => Position += MqttVariableByteInteger.Write(_span[Position..], value);

    public void String(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, _span[(Position + 2)..]);
        CheckLength(length);
        BinaryPrimitives.WriteUInt16BigEndian(_span[Position..], (ushort)length);
        Position += 2 + length;
    }

    public void Binary(scoped ReadOnlySpan<byte> value)
    {
        CheckLength(value.Length);
        UInt16((ushort)value.Length);
        Bytes(value);
    }

    public void Bytes(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(_span[Position..]);
        Position += value.Length;
    }

    private static void CheckLength(int length)
    {
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException("an MQTT string or binary field holds at most 65,535 bytes");
        }
    }
}
