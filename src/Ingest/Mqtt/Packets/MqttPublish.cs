using System.Buffers;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// A received PUBLISH (3.1.1 §3.3, 5.0 §3.3) as a view over the connection's buffer: topic,
/// properties and payload are slices, nothing is copied. Valid until the buffer is advanced.
/// </summary>
public readonly struct MqttPublish
{
    public MqttPublish(
        ReadOnlySequence<byte> topic, ReadOnlySequence<byte> payload, ReadOnlySequence<byte> properties,
        MqttQos qos, bool dup, bool retain, ushort packetId, byte? payloadFormatIndicator)
    {
        Topic = topic;
        Payload = payload;
        Properties = properties;
        Qos = qos;
        Dup = dup;
        Retain = retain;
        PacketId = packetId;
        PayloadFormatIndicator = payloadFormatIndicator;
    }

    /// <summary>The topic name as UTF-8 bytes (validated).</summary>
    public ReadOnlySequence<byte> Topic { get; }

    public ReadOnlySequence<byte> Payload { get; }

    /// <summary>The raw 5.0 properties (without their length), validated; empty for 3.1.1.</summary>
    public ReadOnlySequence<byte> Properties { get; }

    public MqttQos Qos { get; }

    public bool Dup { get; }

    public bool Retain { get; }

    /// <summary>0 for QoS 0.</summary>
    public ushort PacketId { get; }

    /// <summary>5.0 Payload Format Indicator: 1 when the sender says the payload is UTF-8.</summary>
    public byte? PayloadFormatIndicator { get; }
}
