namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>Why a payload was refused: constant strings (they are metric tags and log fields).</summary>
public static class MqttPayloadReasons
{
    public const string UnknownTopic = "topic outside the topic layout";
    public const string TopicNotAuthorized = "topic of another device";
    public const string CommandTopic = "publish to a command topic";
    public const string InvalidJson = "invalid JSON";
    public const string NotAnObject = "JSON record is not an object";
    public const string TooManyRecords = "more records than allowed in one payload";
    public const string WrongType = "known field of the wrong type";
    public const string OutOfRange = "value out of range";
    public const string MissingField = "required field missing (time, lat, lon)";
    public const string DeviceMismatch = "deviceId differs from the topic";
    public const string UnknownAlarm = "unknown alarm name";
    public const string TeltonikaTooShort = "Teltonika payload too short";
    public const string TeltonikaCodec = "Teltonika codec not 8, 8E or 16";
    public const string TeltonikaCounts = "Teltonika record counts differ";
    public const string TeltonikaRecords = "Teltonika records do not fill the payload";
    public const string DeviceRefused = "device refused by the registry";
    public const string EmptyDeviceId = "empty device id in the topic";
}
