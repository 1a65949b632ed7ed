using System.Globalization;
using System.Text;
using Telematics.Dashboard.Exports;

namespace Telematics.Dashboard.Reports;

/// <summary>
/// The report tables as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads
/// the Vietnamese), comma-separated, headers in the page's language, numbers with a dot decimal
/// point and no grouping.
/// </summary>
public static class ReportsCsv
{
    public static byte[] Operators(MonthReport report, Func<string, string> text) => Encode(
        [text("reports.col.operator"), text("reports.col.vehicles"), text("reports.col.km"), text("reports.col.speeding"), text("reports.col.rate"), text("reports.col.overthreshold"), text("reports.col.continuous"), text("reports.col.daily"), text("reports.col.weekly")],
        report.Operators.Select(o => new[]
        {
            o.Operator ?? text("reports.unknown.operator"),
            Int(o.Vehicles),
            Number(o.Km, 1),
            Int(o.Cases.Speeding),
            Number(o.PerThousandKm, 2),
            Int(o.VehiclesOverThreshold),
            Int(o.Cases.ContinuousDriving),
            Int(o.Cases.DailyDriving),
            Int(o.Cases.WeeklyDriving),
        }));

    public static byte[] Vehicles(MonthReport report, Func<string, string> text) => Encode(
        [text("reports.col.plate"), text("reports.col.device"), text("reports.col.operator"), text("reports.col.km"), text("reports.col.speeding"), text("reports.col.rate"), text("reports.col.badge"), text("reports.col.continuous"), text("reports.col.daily"), text("reports.col.weekly")],
        report.Vehicles.Select(v => new[]
        {
            v.Plate ?? string.Empty,
            v.DeviceId,
            v.Operator ?? text("reports.unknown.operator"),
            Number(v.Km, 1),
            Int(v.Cases.Speeding),
            Number(v.PerThousandKm, 2),
            v.WithdrawsBadge ? text("reports.badge.withdraw") : string.Empty,
            Int(v.Cases.ContinuousDriving),
            Int(v.Cases.DailyDriving),
            Int(v.Cases.WeeklyDriving),
        }));

    private static byte[] Encode(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        Line(csv, header);
        foreach (var row in rows)
        {
            Line(csv, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(CsvField.Quote(fields[i]));
        }

        csv.Append("\r\n");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) => value.ToString("F" + Int(decimals), CultureInfo.InvariantCulture);
}
