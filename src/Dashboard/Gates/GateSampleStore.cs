using Telematics.Dashboard.Storage;
using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Gates;

/// <summary>
/// The gate figures a minute at a time in the dashboard's database (<c>gate_samples</c>), so that
/// a restarted dashboard still shows the day's trend. One row per zone and minute.
/// </summary>
public sealed class GateSampleStore
{
    private readonly DashboardDatabase _database;

    public GateSampleStore(DashboardDatabase database)
    {
        _database = database;
        database.Migrate("gates",
        [
            """
            CREATE TABLE gate_samples (
                zone TEXT NOT NULL,
                minute_utc TEXT NOT NULL,
                gate TEXT,
                kind TEXT NOT NULL,
                vehicles INTEGER NOT NULL,
                dwell_median_s REAL,
                dwell_p90_s REAL,
                PRIMARY KEY (zone, minute_utc)
            );
            CREATE INDEX gate_samples_minute ON gate_samples (minute_utc);
            """,
        ]);
    }

    public void Add(DateTime minuteUtc, IReadOnlyList<GateZoneFigures> figures)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO gate_samples (zone, minute_utc, gate, kind, vehicles, dwell_median_s, dwell_p90_s)
            VALUES ($zone, $minute, $gate, $kind, $vehicles, $median, $p90)
            """;
        var zone = insert.Parameters.Add("$zone", Microsoft.Data.Sqlite.SqliteType.Text);
        insert.Parameters.AddWithValue("$minute", DashboardDatabase.FormatTime(minuteUtc));
        var gate = insert.Parameters.Add("$gate", Microsoft.Data.Sqlite.SqliteType.Text);
        var kind = insert.Parameters.Add("$kind", Microsoft.Data.Sqlite.SqliteType.Text);
        var vehicles = insert.Parameters.Add("$vehicles", Microsoft.Data.Sqlite.SqliteType.Integer);
        var median = insert.Parameters.Add("$median", Microsoft.Data.Sqlite.SqliteType.Real);
        var p90 = insert.Parameters.Add("$p90", Microsoft.Data.Sqlite.SqliteType.Real);
        foreach (var f in figures)
        {
            zone.Value = f.Zone;
            gate.Value = (object?)f.Gate ?? DBNull.Value;
            kind.Value = f.Kind;
            vehicles.Value = f.Vehicles;
            median.Value = (object?)f.DwellMedian?.TotalSeconds ?? DBNull.Value;
            p90.Value = (object?)f.DwellP90?.TotalSeconds ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Every minute since <paramref name="fromUtc"/>, oldest first, as the figures it recorded.</summary>
    public IReadOnlyList<(DateTime MinuteUtc, IReadOnlyList<GateZoneFigures> Figures)> Since(DateTime fromUtc)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT minute_utc, zone, gate, kind, vehicles, dwell_median_s, dwell_p90_s FROM gate_samples WHERE minute_utc >= $from ORDER BY minute_utc, zone";
        select.Parameters.AddWithValue("$from", DashboardDatabase.FormatTime(fromUtc));
        var minutes = new List<(DateTime, IReadOnlyList<GateZoneFigures>)>();
        using var reader = select.ExecuteReader();
        string? current = null;
        List<GateZoneFigures>? figures = null;
        while (reader.Read())
        {
            var minute = reader.GetString(0);
            if (minute != current)
            {
                figures = [];
                minutes.Add((DashboardDatabase.ParseTime(minute), figures));
                current = minute;
            }

            figures!.Add(new GateZoneFigures(
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : TimeSpan.FromSeconds(reader.GetDouble(5)),
                reader.IsDBNull(6) ? null : TimeSpan.FromSeconds(reader.GetDouble(6))));
        }

        return minutes;
    }

    /// <summary>Drops the minutes before <paramref name="beforeUtc"/>: the table keeps a bounded history.</summary>
    public int Prune(DateTime beforeUtc)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM gate_samples WHERE minute_utc < $before";
        delete.Parameters.AddWithValue("$before", DashboardDatabase.FormatTime(beforeUtc));
        return delete.ExecuteNonQuery();
    }
}
