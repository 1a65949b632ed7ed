namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>DISCONNECT: empty in 3.1.1; in 5.0 a reason code and properties, and either side may send it.</summary>
public sealed class MqttDisconnect
{
    public MqttReasonCode ReasonCode { get; init; }

    public MqttProperties Properties { get; init; } = new();
}
