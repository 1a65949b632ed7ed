namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>SUBSCRIBE (3.1.1 §3.8, 5.0 §3.8).</summary>
public sealed class MqttSubscribe
{
    public ushort PacketId { get; init; }

    public IReadOnlyList<MqttSubscription> Subscriptions { get; init; } = [];

    public MqttProperties Properties { get; init; } = new();
}

/// <summary>One topic filter of a SUBSCRIBE and its options (5.0 §3.8.3.1; 3.1.1 has the QoS only).</summary>
public sealed record MqttSubscription(string TopicFilter, MqttQos Qos, bool NoLocal = false, bool RetainAsPublished = false, byte RetainHandling = 0);
