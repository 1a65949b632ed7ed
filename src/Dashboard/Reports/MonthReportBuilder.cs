using Telematics.Ingest.Reports;

namespace Telematics.Dashboard.Reports;

/// <summary>
/// Builds a month's report from the kilometres of <c>distance_daily</c> and the case counts:
/// a vehicle is in the report when it drove or had a counted case that month.
/// </summary>
public sealed class MonthReportBuilder(DistanceDailyStore distances, MonthlyCaseCounts cases)
{
    public async Task<MonthReport> BuildAsync(ReportMonth month, CancellationToken cancellationToken)
    {
        var days = await distances.RangeAsync(month.FirstDay, month.NextFirstDay, cancellationToken).ConfigureAwait(false);
        var counts = await cases.CountAsync(month.FromUtc, month.ToUtc, cancellationToken).ConfigureAwait(false);

        var vehicles = new Dictionary<string, VehicleMonth>(StringComparer.Ordinal);
        foreach (var byDevice in days.GroupBy(d => d.DeviceId, StringComparer.Ordinal))
        {
            // The newest day's operator and plate: a vehicle that changed hands is reported under its current operator.
            var newest = byDevice.MaxBy(d => d.Day)!;
            vehicles[byDevice.Key] = new VehicleMonth(byDevice.Key, newest.Plate, newest.Operator, byDevice.Sum(d => d.Metres) / 1000, CaseCounts.None);
        }

        foreach (var (device, (plate, op, c)) in counts)
        {
            vehicles[device] = vehicles.TryGetValue(device, out var v)
                ? v with { Plate = v.Plate ?? plate, Operator = v.Operator ?? op, Cases = c }
                : new VehicleMonth(device, plate, op, 0, c);
        }

        var vehicleRows = vehicles.Values
            .OrderByDescending(v => v.PerThousandKm)
            .ThenByDescending(v => v.Km)
            .ThenBy(v => v.DeviceId, StringComparer.Ordinal)
            .ToList();
        var operatorRows = vehicleRows
            .GroupBy(v => v.Operator, StringComparer.Ordinal)
            .Select(g => new OperatorMonth(g.Key, g.Count(), g.Sum(v => v.Km), g.Aggregate(CaseCounts.None, (sum, v) => sum.Add(v.Cases)), g.Count(v => v.WithdrawsBadge)))
            .OrderByDescending(o => o.Km)
            .ThenBy(o => o.Operator, StringComparer.Ordinal)
            .ToList();
        return new MonthReport(month, operatorRows, vehicleRows);
    }
}
