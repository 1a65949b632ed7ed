namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>Constant reasons for rejected frames, closed sessions and framing errors (never raw bytes).</summary>
internal static class Gt06Reasons
{
    public const string CrcMismatch = "crc mismatch";
    public const string MalformedFrame = "malformed frame";
    public const string MalformedLogin = "malformed login";
    public const string TruncatedGps = "truncated gps block";
    public const string TruncatedAlarm = "truncated alarm status";
    public const string InvalidDate = "invalid gps date";
    public const string DeviceRefused = "device refused";
    public const string DataBeforeLogin = "data before login";
    public const string DeviceIdChanged = "device id changed";
    public const string FrameTooLong = "declared length over the limit";
    public const string MalformedReply = "malformed server reply";
    public const string ReplyCrcMismatch = "crc mismatch in server reply";
}
