using Telematics.Dashboard.Hosting;

namespace Telematics.Dashboard.Gates;

/// <summary>The gate trend's settings, in the dashboard's section <c>Telematics:Dashboard</c>.</summary>
public sealed class GateTrendOptions
{
    public const string Section = DashboardOptions.Section;

    /// <summary>How often the gate figures are recorded for the day's trend (zero: not recorded).</summary>
    public TimeSpan GateSampleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many days of recorded gate figures the dashboard's database keeps.</summary>
    public int GateSampleDays { get; set; } = 7;
}
