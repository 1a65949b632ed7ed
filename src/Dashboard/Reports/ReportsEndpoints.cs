using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Hosting;
using Telematics.Dashboard.Localization;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Reports;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Reports;

/// <summary>The monthly reports' services and their CSV exports (<c>/reports/operators.csv?month=2026-11</c>, <c>/reports/vehicles.csv</c>).</summary>
public static class ReportsEndpoints
{
    public static IServiceCollection AddMonthlyReports(this IServiceCollection services)
    {
        // The all-in-one worker registered the ledger's table already; a standalone dashboard reads the same file.
        services.TryAddSingleton(sp => new DistanceDailyStore(sp.GetRequiredService<IOptions<CaseStoreOptions>>().Value.Database));
        services.AddSingleton(sp => new MonthlyCaseCounts(sp.GetRequiredService<IOptions<CaseStoreOptions>>().Value.Database));
        services.AddSingleton<MonthReportBuilder>();
        return services;
    }

    public static void MapMonthlyReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/operators.csv", (string? month, Ui ui, MonthReportBuilder reports, IOptions<DashboardOptions> options, TimeProvider time, CancellationToken ct) =>
            CsvAsync(month, "operators", ui, reports, options, time, ReportsCsv.Operators, ct)).RequireAuthorization(Policies.Monitor);
        endpoints.MapGet("/reports/vehicles.csv", (string? month, Ui ui, MonthReportBuilder reports, IOptions<DashboardOptions> options, TimeProvider time, CancellationToken ct) =>
            CsvAsync(month, "vehicles", ui, reports, options, time, ReportsCsv.Vehicles, ct)).RequireAuthorization(Policies.Monitor);
    }

    /// <summary>The month of the query, or the current local month when none is given; null when the text is not a month.</summary>
    public static ReportMonth? MonthOf(string? text, TimeZoneInfo zone, TimeProvider time) =>
        string.IsNullOrEmpty(text) ? ReportMonth.Containing(time.GetUtcNow().UtcDateTime, zone)
        : ReportMonth.TryParse(text, zone, out var month) ? month
        : null;

    private static async Task<IResult> CsvAsync(string? text, string name, Ui ui, MonthReportBuilder reports, IOptions<DashboardOptions> options, TimeProvider time, Func<MonthReport, Func<string, string>, byte[]> write, CancellationToken ct)
    {
        if (MonthOf(text, TimeZones.Find(options.Value.TimeZone), time) is not { } month)
        {
            return Results.BadRequest(new { error = "month must be yyyy-MM, e.g. 2026-11" });
        }

        var report = await reports.BuildAsync(month, ct).ConfigureAwait(false);
        return Results.File(write(report, key => ui[key]), "text/csv; charset=utf-8", $"{name}-{month.Key}.csv");
    }
}
