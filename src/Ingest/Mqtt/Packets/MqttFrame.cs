using System.Buffers;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// One whole packet found by <see cref="MqttFrameReader"/>: its type, the fixed header's flag
/// nibble, and the body (variable header and payload) as a slice of the connection's buffer.
/// Valid until the buffer is advanced past it.
/// </summary>
public readonly struct MqttFrame(MqttPacketType type, byte flags, ReadOnlySequence<byte> body)
{
    public MqttPacketType Type { get; } = type;

    /// <summary>The low nibble of the first byte (PUBLISH: DUP, QoS, RETAIN; else reserved).</summary>
    public byte Flags { get; } = flags;

    public ReadOnlySequence<byte> Body { get; } = body;
}
