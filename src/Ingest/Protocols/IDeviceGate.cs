namespace Telematics.Ingest.Protocols;

/// <summary>
/// What a session asks about a device once it has identified itself: the registry's answer
/// (admit or refuse unknown devices) and a per-device clock override.
/// </summary>
public interface IDeviceGate
{
    /// <summary>True to accept the device's data; false makes the session refuse the login and close.</summary>
    bool Admit(string deviceId);

    /// <summary>
    /// The device's configured UTC offset for protocols whose times are local
    /// (JT808: GMT+8 by the standard; GT06: UTC or the login extension), or null for the protocol's default.
    /// </summary>
    TimeSpan? UtcOffset(string deviceId);
}

/// <summary>Admits everything with no overrides: the decode command and tests.</summary>
public sealed class AdmitAllDevices : IDeviceGate
{
    public static readonly AdmitAllDevices Instance = new();

    public bool Admit(string deviceId) => true;

    public TimeSpan? UtcOffset(string deviceId) => null;
}
