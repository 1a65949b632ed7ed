namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>UNSUBACK: the packet identifier; in 5.0 one reason code per filter.</summary>
public sealed class MqttUnsubAck
{
    public ushort PacketId { get; init; }

    public IReadOnlyList<MqttReasonCode> ReasonCodes { get; init; } = [];

    public MqttProperties Properties { get; init; } = new();
}
