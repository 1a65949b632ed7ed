using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Mqtt.Client;

/// <summary>What <see cref="MqttClientConnection.RunAsync"/> calls for every PUBLISH; the PUBACK is sent when it returns.</summary>
public interface IMqttPublishHandler
{
    /// <summary>Handles one message (its topic and payload are valid only until this completes); returns the 5.0 PUBACK reason code.</summary>
    ValueTask<MqttReasonCode> OnPublishAsync(MqttPublish publish, CancellationToken cancellationToken);
}
