namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>The CONNECT packet's Protocol Level byte.</summary>
public enum MqttProtocolVersion : byte
{
    /// <summary>MQTT 3.1.1 (protocol level 4).</summary>
    V311 = 4,

    /// <summary>MQTT 5.0 (protocol level 5).</summary>
    V500 = 5,
}
