using Microsoft.Data.Sqlite;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Reports;

/// <summary>
/// A read-only aggregate over the case store's file: per vehicle, the speeding and driving-time
/// cases whose episode started in a span. Dismissed cases (now or before being closed) are not
/// violations and are not counted. Thread-safe: each call opens a pooled connection.
/// </summary>
public sealed class MonthlyCaseCounts(string databasePath)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    public async Task<IReadOnlyDictionary<string, (string? Plate, string? Operator, CaseCounts Counts)>> CountAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (string? Plate, string? Operator, CaseCounts Counts)>(StringComparer.Ordinal);
        if (!File.Exists(Path.GetFullPath(new SqliteConnectionStringBuilder(_connectionString).DataSource)))
        {
            return counts;
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT device_id, MAX(plate), MAX(operator), kind, COUNT(*) FROM cases c
            WHERE start_utc >= $from AND start_utc < $to
              AND kind IN ('{CaseKinds.Speeding}', '{CaseKinds.ContinuousDriving}', '{CaseKinds.DailyDriving}', '{CaseKinds.WeeklyDriving}')
              AND status <> '{CaseStatus.Dismissed}'
              AND NOT EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id AND h.action = '{CaseStatus.Dismissed}')
            GROUP BY device_id, kind
            """;
        select.Parameters.AddWithValue("$from", Storage.DashboardDatabase.FormatTime(fromUtc));
        select.Parameters.AddWithValue("$to", Storage.DashboardDatabase.FormatTime(toUtc));
        try
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var device = reader.GetString(0);
                var n = reader.GetInt32(4);
                var add = reader.GetString(3) switch
                {
                    CaseKinds.Speeding => new CaseCounts(n, 0, 0, 0),
                    CaseKinds.ContinuousDriving => new CaseCounts(0, n, 0, 0),
                    CaseKinds.DailyDriving => new CaseCounts(0, 0, n, 0),
                    _ => new CaseCounts(0, 0, 0, n),
                };
                var current = counts.GetValueOrDefault(device, (null, null, CaseCounts.None));
                counts[device] = (current.Plate ?? (reader.IsDBNull(1) ? null : reader.GetString(1)), current.Operator ?? (reader.IsDBNull(2) ? null : reader.GetString(2)), current.Counts.Add(add));
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // No cases table yet: a case store no worker has opened.
        }

        return counts;
    }
}
