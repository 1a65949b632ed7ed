using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Mqtt.Client;

/// <summary>The broker refused, closed or did not answer as MQTT says it must.</summary>
public sealed class MqttClientException : Exception
{
    public MqttClientException(string message, MqttReasonCode code = MqttReasonCode.UnspecifiedError)
        : base(message)
    {
        Code = code;
    }

    public MqttClientException()
    {
    }

    public MqttClientException(string message)
        : base(message)
    {
    }

    public MqttClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MqttReasonCode Code { get; }
}
