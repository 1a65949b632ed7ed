namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP (§3.4–3.7): a packet identifier and, in 5.0, a reason code and properties.</summary>
public sealed class MqttPublishAck
{
    public MqttPacketType Type { get; init; } = MqttPacketType.PubAck;

    public ushort PacketId { get; init; }

    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = new();
}
