using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Telematics.Ingest.Reports;

/// <summary>
/// Kilometres driven per vehicle per local day: the <c>distance_daily</c> table, kept in the case
/// store's SQLite file (created here, not by the case store's migrations, so that the two evolve
/// apart). Additive upserts, so flushes from a restarted worker add to the day. Thread-safe: each
/// call opens a pooled connection.
/// </summary>
public sealed class DistanceDailyStore
{
    private const string DayFormat = "yyyy-MM-dd";
    private readonly string _connectionString;

    public DistanceDailyStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS distance_daily (
                device_id TEXT NOT NULL,
                day TEXT NOT NULL,
                metres REAL NOT NULL,
                operator TEXT,
                plate TEXT,
                PRIMARY KEY (device_id, day)
            );
            CREATE INDEX IF NOT EXISTS distance_daily_day ON distance_daily (day);
            """;
        create.ExecuteNonQuery();
    }

    public string Path { get; }

    /// <summary>Adds each vehicle-day's metres to what the table holds, in one transaction; the newest operator and plate win.</summary>
    public async Task AddAsync(IEnumerable<DistanceDay> days, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = """
            INSERT INTO distance_daily (device_id, day, metres, operator, plate) VALUES ($device, $day, $metres, $operator, $plate)
            ON CONFLICT (device_id, day) DO UPDATE SET
                metres = metres + excluded.metres,
                operator = COALESCE(excluded.operator, operator),
                plate = COALESCE(excluded.plate, plate)
            """;
        var device = upsert.Parameters.Add("$device", SqliteType.Text);
        var day = upsert.Parameters.Add("$day", SqliteType.Text);
        var metres = upsert.Parameters.Add("$metres", SqliteType.Real);
        var op = upsert.Parameters.Add("$operator", SqliteType.Text);
        var plate = upsert.Parameters.Add("$plate", SqliteType.Text);
        foreach (var d in days)
        {
            device.Value = d.DeviceId;
            day.Value = d.Day.ToString(DayFormat, CultureInfo.InvariantCulture);
            metres.Value = d.Metres;
            op.Value = (object?)d.Operator ?? DBNull.Value;
            plate.Value = (object?)d.Plate ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The vehicle-days in [<paramref name="from"/>, <paramref name="toExclusive"/>), by device and day.</summary>
    public async Task<IReadOnlyList<DistanceDay>> RangeAsync(DateOnly from, DateOnly toExclusive, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var select = connection.CreateCommand();
        select.CommandText = "SELECT device_id, day, metres, operator, plate FROM distance_daily WHERE day >= $from AND day < $to ORDER BY device_id, day";
        select.Parameters.AddWithValue("$from", from.ToString(DayFormat, CultureInfo.InvariantCulture));
        select.Parameters.AddWithValue("$to", toExclusive.ToString(DayFormat, CultureInfo.InvariantCulture));
        var days = new List<DistanceDay>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            days.Add(new DistanceDay(
                reader.GetString(0),
                DateOnly.ParseExact(reader.GetString(1), DayFormat, CultureInfo.InvariantCulture),
                reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return days;
    }
}

/// <summary>Metres one vehicle drove on one local day, with its operator and plate as the registry had them.</summary>
public sealed record DistanceDay(string DeviceId, DateOnly Day, double Metres, string? Operator, string? Plate);
