using Telematics.Ingest.Transport;

namespace Telematics.Dashboard.Devices;

/// <summary>A device as the page lists it: its status and, when silent, since when.</summary>
public sealed record DeviceRow(DeviceStatus Device, bool Silent, TimeSpan? SilentFor)
{
    /// <summary>
    /// Silent: registered (the operator must keep it reporting) and nothing received for longer
    /// than <paramref name="silentAfter"/>, or never heard from at all (then <see cref="SilentFor"/> is null).
    /// </summary>
    public static DeviceRow Of(DeviceStatus device, DateTime nowUtc, TimeSpan silentAfter)
    {
        if (device.LastSeenUtc is not { } seen)
        {
            return new DeviceRow(device, device.Registered, null);
        }

        var quiet = nowUtc - seen;
        return quiet > silentAfter && device.Registered ? new DeviceRow(device, true, quiet) : new DeviceRow(device, false, null);
    }
}
