namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>Quality of service levels (3.1.1 §4.3, 5.0 §4.3).</summary>
public enum MqttQos : byte
{
    /// <summary>At most once delivery.</summary>
    AtMostOnce = 0,

    /// <summary>At least once delivery: PUBLISH, PUBACK.</summary>
    AtLeastOnce = 1,

    /// <summary>Exactly once delivery: PUBLISH, PUBREC, PUBREL, PUBCOMP.</summary>
    ExactlyOnce = 2,
}
