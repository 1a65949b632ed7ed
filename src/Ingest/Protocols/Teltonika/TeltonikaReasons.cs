namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>The constant reasons the Teltonika codec gives for refusing a frame or closing a connection.</summary>
public static class TeltonikaReasons
{
    // Framing (FrameException: the stream cannot be framed any more).
    public const string BadPreamble = "bad preamble";
    public const string DataLengthOverLimit = "data length over limit";
    public const string LoginLengthOutOfRange = "login length out of range";

    // Login (Close).
    public const string DeviceRefused = "device refused";
    public const string ImeiLengthOutOfRange = "imei length out of range";
    public const string ImeiNotDigits = "imei not digits";
    public const string ImeiChanged = "imei changed within session";
    public const string DataBeforeLogin = "data before login";

    // AVL packet (Reject: no ack, the device resends).
    public const string CrcMismatch = "crc mismatch";
    public const string UnsupportedCodec = "unsupported codec";
    public const string DataLengthMismatch = "data length does not match frame";
    public const string DataTooShort = "data too short";
    public const string RecordCountsDiffer = "record counts differ";
    public const string RecordOverrun = "records overrun data length";
    public const string RecordUnderrun = "records do not fill data length";
    public const string UnknownFrame = "unknown frame";
}
