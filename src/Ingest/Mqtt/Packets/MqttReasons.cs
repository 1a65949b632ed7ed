namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>Why a packet was refused: constant strings, so that the hot path formats nothing.</summary>
public static class MqttReasons
{
    public const string RemainingLengthTooLong = "remaining length longer than 4 bytes";
    public const string VariableByteIntegerNotMinimal = "variable byte integer not in the fewest bytes";
    public const string PacketTooLarge = "packet larger than the maximum packet size";
    public const string ReservedPacketType = "reserved packet type 0";
    public const string ReservedFlags = "reserved fixed-header flags set";
    public const string PublishQos3 = "PUBLISH with QoS 3";
    public const string DupOnQos0 = "PUBLISH QoS 0 with the DUP flag";
    public const string Truncated = "packet shorter than its fields";
    public const string TrailingBytes = "bytes after the last field";
    public const string InvalidUtf8 = "string is not valid MQTT UTF-8";
    public const string WrongProtocolName = "protocol name is not MQTT";
    public const string UnsupportedProtocolLevel = "unsupported protocol level";
    public const string ConnectReservedFlag = "CONNECT reserved flag set";
    public const string WillFlagsWithoutWill = "will QoS or retain set without the will flag";
    public const string WillQos3 = "will QoS 3";
    public const string PasswordWithoutUserName = "password flag without user name flag (3.1.1)";
    public const string TopicEmpty = "empty topic name";
    public const string TopicWildcard = "wildcard in a topic name";
    public const string TopicAliasNotAllowed = "topic alias (Topic Alias Maximum is 0)";
    public const string PacketIdZero = "packet identifier 0";
    public const string PropertyUnknown = "unknown property";
    public const string PropertyNotAllowed = "property not allowed in this packet";
    public const string PropertyDuplicate = "property given twice";
    public const string PropertyValue = "property value out of range";
    public const string PropertiesOverrun = "properties longer than the packet";
    public const string SubscribeEmpty = "SUBSCRIBE without topic filters";
    public const string UnsubscribeEmpty = "UNSUBSCRIBE without topic filters";
    public const string SubscriptionOptionsReserved = "subscription options reserved bits set";
    public const string TopicFilterInvalid = "invalid topic filter";
    public const string NonZeroLength = "packet must have no body";
    public const string BadReasonCode = "reason code not allowed here";
    public const string AuthInV311 = "AUTH packet in MQTT 3.1.1";
    public const string FirstPacketNotConnect = "first packet is not CONNECT";
    public const string SecondConnect = "second CONNECT";
    public const string UnexpectedPacket = "packet type not expected from this side";
    public const string ClientIdentifierInvalid = "client identifier not valid";
}
