namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>CONNACK (3.1.1 §3.2, 5.0 §3.2). 3.1.1 return codes are carried as their 5.0 reason codes.</summary>
public sealed class MqttConnAck
{
    public bool SessionPresent { get; init; }

    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = new();
}
