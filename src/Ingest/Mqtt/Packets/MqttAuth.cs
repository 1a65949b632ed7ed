namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>AUTH (5.0 §3.15): enhanced authentication exchange.</summary>
public sealed class MqttAuth
{
    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = new();
}
