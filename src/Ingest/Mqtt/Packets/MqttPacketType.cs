namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>MQTT control packet types: the high nibble of the fixed header's first byte (3.1.1 §2.2.1, 5.0 §2.1.2).</summary>
public enum MqttPacketType : byte
{
    /// <summary>Reserved (0): a packet with this type is malformed.</summary>
    Reserved = 0,

    /// <summary>CONNECT: client request to connect to the server.</summary>
    Connect = 1,

    /// <summary>CONNACK: connect acknowledgement.</summary>
    ConnAck = 2,

    /// <summary>PUBLISH: publish message.</summary>
    Publish = 3,

    /// <summary>PUBACK: publish acknowledgement (QoS 1).</summary>
    PubAck = 4,

    /// <summary>PUBREC: publish received (QoS 2 delivery part 1).</summary>
    PubRec = 5,

    /// <summary>PUBREL: publish release (QoS 2 delivery part 2).</summary>
    PubRel = 6,

    /// <summary>PUBCOMP: publish complete (QoS 2 delivery part 3).</summary>
    PubComp = 7,

    /// <summary>SUBSCRIBE: subscribe request.</summary>
    Subscribe = 8,

    /// <summary>SUBACK: subscribe acknowledgement.</summary>
    SubAck = 9,

    /// <summary>UNSUBSCRIBE: unsubscribe request.</summary>
    Unsubscribe = 10,

    /// <summary>UNSUBACK: unsubscribe acknowledgement.</summary>
    UnsubAck = 11,

    /// <summary>PINGREQ: ping request.</summary>
    PingReq = 12,

    /// <summary>PINGRESP: ping response.</summary>
    PingResp = 13,

    /// <summary>DISCONNECT: disconnect notification.</summary>
    Disconnect = 14,

    /// <summary>AUTH: authentication exchange (5.0 only; reserved in 3.1.1).</summary>
    Auth = 15,
}
