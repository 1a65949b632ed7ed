namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>UNSUBSCRIBE (3.1.1 §3.10, 5.0 §3.10).</summary>
public sealed class MqttUnsubscribe
{
    public ushort PacketId { get; init; }

    public IReadOnlyList<string> TopicFilters { get; init; } = [];

    public MqttProperties Properties { get; init; } = new();
}
