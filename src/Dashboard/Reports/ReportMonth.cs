using System.Globalization;

namespace Telematics.Dashboard.Reports;

/// <summary>A calendar month in the operators' time zone, and the UTC span it covers.</summary>
public sealed record ReportMonth(int Year, int Month, TimeZoneInfo Zone)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly NextFirstDay => FirstDay.AddMonths(1);

    public DateTime FromUtc => TimeZoneInfo.ConvertTimeToUtc(FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public DateTime ToUtc => TimeZoneInfo.ConvertTimeToUtc(NextFirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>"2026-11".</summary>
    public string Key => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"11/2026".</summary>
    public string Label => FirstDay.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    public ReportMonth Previous => Of(FirstDay.AddMonths(-1));

    public ReportMonth Next => Of(NextFirstDay);

    /// <summary>The month holding <paramref name="utc"/> in the zone.</summary>
    public static ReportMonth Containing(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new ReportMonth(local.Year, local.Month, zone);
    }

    /// <summary>Parses "yyyy-MM" (years 2000–2100); false for anything else.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out ReportMonth month)
    {
        month = null!;
        if (text is not { Length: 7 } || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year is < 2000 or > 2100)
        {
            return false;
        }

        month = new ReportMonth(first.Year, first.Month, zone);
        return true;
    }

    private ReportMonth Of(DateOnly first) => new(first.Year, first.Month, Zone);
}
