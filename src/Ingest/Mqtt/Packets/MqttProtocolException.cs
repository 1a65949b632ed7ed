using System.Diagnostics.CodeAnalysis;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// A packet breaks the protocol: the connection is closed, with the 5.0 reason code it carries
/// (Malformed Packet, Protocol Error, Packet too large…) sent first where the version allows.
/// The message names the reason, never the raw bytes.
/// </summary>
public sealed class MqttProtocolException : Exception
{
    public MqttProtocolException(MqttReasonCode code, string reason)
        : base(reason)
    {
        Code = code;
    }

    public MqttProtocolException()
    {
    }

    public MqttProtocolException(string message)
        : base(message)
    {
        Code = MqttReasonCode.MalformedPacket;
    }

    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = MqttReasonCode.MalformedPacket;
    }

    public MqttReasonCode Code { get; }

    /// <summary>Cold path out of line, so that parsing code stays small.</summary>
    [DoesNotReturn]
    public static void Throw(MqttReasonCode code, string reason) => throw new MqttProtocolException(code, reason);

    [DoesNotReturn]
    public static void Malformed(string reason) => throw new MqttProtocolException(MqttReasonCode.MalformedPacket, reason);

    [DoesNotReturn]
    public static void ProtocolError(string reason) => throw new MqttProtocolException(MqttReasonCode.ProtocolError, reason);
}
