namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>SUBACK: one reason code per filter (3.1.1: 0, 1, 2 or 0x80 Failure).</summary>
public sealed class MqttSubAck
{
    public ushort PacketId { get; init; }

    public IReadOnlyList<MqttReasonCode> ReasonCodes { get; init; } = [];

    public MqttProperties Properties { get; init; } = new();
}
