namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>Result byte of a platform general response (0x8001).</summary>
public enum Jt808Result : byte
{
    Ok = 0,
    Failed = 1,
    MessageError = 2,
    Unsupported = 3,
    AlarmConfirmed = 4,
}
