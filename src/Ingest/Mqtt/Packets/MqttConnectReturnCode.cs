namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>MQTT 3.1.1 CONNACK return codes (§3.2.2.3), and the mapping from 5.0 reason codes.</summary>
public static class MqttConnectReturnCode
{
    /// <summary>0x00 Connection Accepted.</summary>
    public const byte Accepted = 0x00;

    /// <summary>0x01 Connection Refused, unacceptable protocol version.</summary>
    public const byte UnacceptableProtocolVersion = 0x01;

    /// <summary>0x02 Connection Refused, identifier rejected.</summary>
    public const byte IdentifierRejected = 0x02;

    /// <summary>0x03 Connection Refused, Server unavailable.</summary>
    public const byte ServerUnavailable = 0x03;

    /// <summary>0x04 Connection Refused, bad user name or password.</summary>
    public const byte BadUserNameOrPassword = 0x04;

    /// <summary>0x05 Connection Refused, not authorized.</summary>
    public const byte NotAuthorized = 0x05;

    /// <summary>The 3.1.1 return code closest to a 5.0 CONNACK reason code.</summary>
    public static byte FromReasonCode(MqttReasonCode code) => code switch
    {
        MqttReasonCode.Success => Accepted,
        MqttReasonCode.UnsupportedProtocolVersion => UnacceptableProtocolVersion,
        MqttReasonCode.ClientIdentifierNotValid => IdentifierRejected,
        MqttReasonCode.BadUserNameOrPassword or MqttReasonCode.BadAuthenticationMethod => BadUserNameOrPassword,
        MqttReasonCode.NotAuthorized or MqttReasonCode.Banned => NotAuthorized,
        _ => ServerUnavailable,
    };

    /// <summary>The 5.0 reason code a 3.1.1 return code means (for a client reading either version).</summary>
    public static MqttReasonCode ToReasonCode(byte code) => code switch
    {
        Accepted => MqttReasonCode.Success,
        UnacceptableProtocolVersion => MqttReasonCode.UnsupportedProtocolVersion,
        IdentifierRejected => MqttReasonCode.ClientIdentifierNotValid,
        BadUserNameOrPassword => MqttReasonCode.BadUserNameOrPassword,
        NotAuthorized => MqttReasonCode.NotAuthorized,
        _ => MqttReasonCode.ServerUnavailable,
    };
}
