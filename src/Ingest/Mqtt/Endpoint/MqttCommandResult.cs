namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>What became of a command published to a device's command topic.</summary>
public enum MqttCommandResult
{
    /// <summary>QoS 1: the device acknowledged it (PUBACK).</summary>
    Acknowledged,

    /// <summary>QoS 0: written to the device's connection.</summary>
    Sent,

    /// <summary>The device is offline with a persistent session: delivered when it comes back.</summary>
    Queued,

    /// <summary>The device has no subscription to its command topic (or its queue is full).</summary>
    NotSubscribed,

    /// <summary>QoS 1: no PUBACK within the timeout, or the connection ended first.</summary>
    NotAcknowledged,
}
