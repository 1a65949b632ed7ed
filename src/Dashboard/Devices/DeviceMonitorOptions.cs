using Telematics.Dashboard.Hosting;

namespace Telematics.Dashboard.Devices;

/// <summary>The devices page's settings, in the dashboard's section <c>Telematics:Dashboard</c>.</summary>
public sealed class DeviceMonitorOptions
{
    public const string Section = DashboardOptions.Section;

    /// <summary>
    /// A registered device with no data for longer than this is silent. Circular 09/2015 (and
    /// 71/2024) ask for a transmission at least every 15 min while stopped, every 30 s while moving.
    /// </summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromMinutes(15);
}
