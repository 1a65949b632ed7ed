using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;
using Telematics.Dashboard.Localization;
using Telematics.Dashboard.Reports;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Pages.Reports;

/// <summary>The monthly report per operator and per vehicle: km, speeding, rate per 1,000 km against the badge threshold, driving-time cases.</summary>
public sealed class IndexModel(MonthReportBuilder reports, IOptions<DashboardOptions> options, TimeProvider time) : PageModel
{
    private const int ChartVehicles = 20;

    [FromQuery(Name = "month")]
    public string? MonthText { get; set; }

    public MonthReport Report { get; private set; } = null!;

    public ReportMonth Month => Report.Month;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ReportsEndpoints.MonthOf(MonthText, TimeZones.Find(options.Value.TimeZone), time) is not { } month)
        {
            return BadRequest();
        }

        Report = await reports.BuildAsync(month, cancellationToken);
        return Page();
    }

    /// <summary>What the page script draws: kilometres per operator, and the vehicles with the highest rates.</summary>
    public string ChartJson(Func<string, string> text) => JsonSerializer.Serialize(new
    {
        threshold = ViolationRate.BadgeWithdrawalThreshold,
        labels = new { km = text("reports.col.km"), rate = text("reports.col.rate"), threshold = text("reports.chart.threshold"), empty = text("reports.empty.title") },
        operators = Report.Operators.Select(o => new { name = o.Operator ?? text("reports.unknown.operator"), km = Math.Round(o.Km, 1), rate = Math.Round(o.PerThousandKm, 2) }),
        vehicles = Report.Vehicles.Where(v => v.Cases.Speeding > 0).Take(ChartVehicles).Select(v => new { name = v.Plate ?? v.DeviceId, rate = Math.Round(v.PerThousandKm, 2), flagged = v.WithdrawsBadge }),
    });
}
