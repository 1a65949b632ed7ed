namespace Telematics.Ingest.Registry;

/// <summary>What happens to a device that is not in the registry.</summary>
public enum UnknownDevicePolicy
{
    /// <summary>Accept its data, flag it (log once, count) so that an administrator can register it.</summary>
    Accept,

    /// <summary>Refuse its login and close the connection.</summary>
    Reject,
}
