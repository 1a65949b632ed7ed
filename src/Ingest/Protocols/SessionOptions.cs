namespace Telematics.Ingest.Protocols;

/// <summary>Limits and policy a session is created with.</summary>
public sealed class SessionOptions
{
    /// <summary>Largest frame accepted; a declared length beyond it closes the connection.</summary>
    public int MaxFrameBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// When true (the server), data before the device identified itself is refused.
    /// The decode command sets it false, to decode frames captured without their login.
    /// </summary>
    public bool RequireLogin { get; init; } = true;

    /// <summary>Which devices are admitted, and their time zone overrides.</summary>
    public IDeviceGate Gate { get; init; } = AdmitAllDevices.Instance;
}
