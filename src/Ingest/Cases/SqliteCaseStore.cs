using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Cases;

/// <summary>
/// Cases in an embedded SQLite file (WAL mode): inserted once by their stable id (a replayed or
/// resent episode never makes a second case), each with an append-only history, plus the rules'
/// saved state. Thread-safe: each call opens a pooled connection.
/// </summary>
public sealed partial class SqliteCaseStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private readonly string _connectionString;

    public SqliteCaseStore(string path, ILogger<SqliteCaseStore>? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        var version = Migrate();
        logger?.LogInformation("Case store {Path} at schema version {Version}", Path, version);
    }

    public string Path { get; }

    /// <summary>Stores a raised case with status open and a "raised" history entry; false when the case exists already.</summary>
    public async Task<bool> AddAsync(RaisedCase raised, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO cases (id, kind, status, device_id, plate, operator, driver_id, corridor, start_utc, end_utc, created_utc, body)
            VALUES ($id, $kind, $status, $device, $plate, $operator, $driver, $corridor, $start, $end, $created, $body)
            """;
        insert.Parameters.AddWithValue("$id", raised.CaseId);
        insert.Parameters.AddWithValue("$kind", raised.Kind);
        insert.Parameters.AddWithValue("$status", CaseStatus.Open);
        insert.Parameters.AddWithValue("$device", raised.DeviceId);
        insert.Parameters.AddWithValue("$plate", (object?)raised.Plate ?? DBNull.Value);
        insert.Parameters.AddWithValue("$operator", (object?)raised.Operator ?? DBNull.Value);
        insert.Parameters.AddWithValue("$driver", (object?)raised.DriverId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$corridor", (object?)raised.Corridor ?? DBNull.Value);
        insert.Parameters.AddWithValue("$start", Format(raised.Start));
        insert.Parameters.AddWithValue("$end", Format(raised.End));
        insert.Parameters.AddWithValue("$created", Format(nowUtc));
        insert.Parameters.AddWithValue("$body", CaseJson.ToJson(raised));
        var added = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        if (added)
        {
            await AppendHistoryAsync(connection, transaction, raised.CaseId, new CaseHistoryEntry(nowUtc, "system", "raised", null), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task<StoredCase?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var cases = await ReadCasesAsync(connection, "WHERE id = $id", [("$id", id)], cancellationToken).ConfigureAwait(false);
        return cases.Count == 0 ? null : cases[0];
    }

    /// <summary>Cases by start time, optionally of one kind and/or device.</summary>
    public async Task<IReadOnlyList<StoredCase>> ListAsync(string? kind = null, string? deviceId = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        if (kind is not null)
        {
            where.Add("kind = $kind");
            parameters.Add(("$kind", kind));
        }

        if (deviceId is not null)
        {
            where.Add("device_id = $device");
            parameters.Add(("$device", deviceId));
        }

        var clause = (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty) + $" ORDER BY start_utc, id LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        return await ReadCasesAsync(connection, clause, parameters, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The cases matching <paramref name="query"/>, newest episode first, one page of them, with the total.</summary>
    public async Task<CasePage> QueryAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, CaseQuery.MaxPageSize);
        var (filter, parameters) = Where(query, withStatus: true);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM cases " + filter;
        foreach (var (name, value) in parameters)
        {
            count.Parameters.AddWithValue(name, value);
        }

        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var clause = filter + " ORDER BY start_utc DESC, id LIMIT " + size.ToString(CultureInfo.InvariantCulture) + " OFFSET " + ((page - 1L) * size).ToString(CultureInfo.InvariantCulture);
        var items = await ReadCasesAsync(connection, clause, parameters, cancellationToken).ConfigureAwait(false);
        return new CasePage(items, total, page, size);
    }

    /// <summary>How many cases match <paramref name="query"/> in each status, its status filter left out (the officers' tabs).</summary>
    public async Task<IReadOnlyDictionary<string, int>> StatusCountsAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        var (filter, parameters) = Where(query, withStatus: false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var select = connection.CreateCommand();
        select.CommandText = "SELECT status, COUNT(*) FROM cases " + filter + " GROUP BY status";
        foreach (var (name, value) in parameters)
        {
            select.Parameters.AddWithValue(name, value);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>
    /// Every case matching <paramref name="query"/> (paging ignored), newest first, read by one
    /// statement so that the export is one consistent snapshot however long it takes. The cases
    /// come without their history (exports do not carry it).
    /// </summary>
    public async IAsyncEnumerable<StoredCase> ExportAsync(CaseQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (filter, parameters) = Where(query, withStatus: true);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var select = connection.CreateCommand();
        select.CommandText = "SELECT status, created_utc, body, assignee FROM cases " + filter + " ORDER BY start_utc DESC, id";
        foreach (var (name, value) in parameters)
        {
            select.Parameters.AddWithValue(name, value);
        }

        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredCase(CaseJsonReader.Parse(reader.GetString(2)), reader.GetString(0), Parse(reader.GetString(1)), [])
            {
                Assignee = reader.IsDBNull(3) ? null : reader.GetString(3),
            };
        }
    }

    /// <summary>The distinct operators and corridors that cases name, for the officers' filter lists.</summary>
    public async Task<(IReadOnlyList<string> Operators, IReadOnlyList<string> Corridors)> FilterValuesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        async Task<IReadOnlyList<string>> DistinctAsync(string column)
        {
            var select = connection.CreateCommand();
            select.CommandText = $"SELECT DISTINCT {column} FROM cases WHERE {column} IS NOT NULL ORDER BY {column}";
            var values = new List<string>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }

        return (await DistinctAsync("operator").ConfigureAwait(false), await DistinctAsync("corridor").ConfigureAwait(false));
    }

    /// <summary>Saves rule state values by key (vehicle or driver) in one transaction.</summary>
    public async Task SaveStatesAsync(IEnumerable<KeyValuePair<string, string>> states, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = "INSERT INTO rule_state (key, body, updated_utc) VALUES ($key, $body, $at) ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_utc = excluded.updated_utc";
        var key = upsert.Parameters.Add("$key", SqliteType.Text);
        var body = upsert.Parameters.Add("$body", SqliteType.Text);
        upsert.Parameters.AddWithValue("$at", Format(nowUtc));
        foreach (var (k, v) in states)
        {
            key.Value = k;
            body.Value = v;
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> LoadStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var select = connection.CreateCommand();
        select.CommandText = "SELECT key, body FROM rule_state";
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states[reader.GetString(0)] = reader.GetString(1);
        }

        return states;
    }

    private static (string Clause, List<(string Name, object Value)> Parameters) Where(CaseQuery query, bool withStatus)
    {
        var where = new List<string>();
        var parameters = new List<(string, object)>();
        void Filter(string? value, string column)
        {
            if (!string.IsNullOrEmpty(value))
            {
                where.Add($"{column} = ${column}");
                parameters.Add(("$" + column, value));
            }
        }

        Filter(query.Kind, "kind");
        if (withStatus)
        {
            Filter(query.Status, "status");
        }

        Filter(query.Operator, "operator");
        Filter(query.Corridor, "corridor");
        Filter(query.DeviceId, "device_id");
        Filter(query.Assignee, "assignee");
        if (query.FromUtc is { } from)
        {
            where.Add("start_utc >= $from");
            parameters.Add(("$from", Format(from)));
        }

        if (query.ToUtc is { } to)
        {
            where.Add("start_utc < $to");
            parameters.Add(("$to", Format(to)));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Plates are written "12C-345.67" or "12C34567": compare their letters and digits only; device ids as typed.
            where.Add("(replace(replace(replace(upper(coalesce(plate, '')), '-', ''), '.', ''), ' ', '') LIKE $plate ESCAPE '\\' OR device_id LIKE $device ESCAPE '\\')");
            var plate = CaseQuery.PlateKey(query.Search);
            parameters.Add(("$plate", plate.Length > 0 ? Contains(plate) : DBNull.Value));
            parameters.Add(("$device", Contains(query.Search.Trim())));
        }

        return (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty, parameters);
    }

    private static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static async Task AppendHistoryAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CaseHistoryEntry entry, CancellationToken cancellationToken)
    {
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO case_history (case_id, seq, at_utc, actor, action, note)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM case_history WHERE case_id = $id), $at, $actor, $action, $note)
            """;
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$at", Format(entry.AtUtc));
        insert.Parameters.AddWithValue("$actor", entry.Actor);
        insert.Parameters.AddWithValue("$action", entry.Action);
        insert.Parameters.AddWithValue("$note", (object?)entry.Note ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<StoredCase>> ReadCasesAsync(SqliteConnection connection, string clause, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var select = connection.CreateCommand();
        select.CommandText = "SELECT id, status, created_utc, body, assignee FROM cases " + clause;
        foreach (var (name, value) in parameters)
        {
            select.Parameters.AddWithValue(name, value);
        }

        var rows = new List<(string Id, string Status, DateTime Created, string Body, string? Assignee)>();
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), Parse(reader.GetString(2)), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        var cases = new List<StoredCase>(rows.Count);
        foreach (var row in rows)
        {
            var history = connection.CreateCommand();
            history.CommandText = "SELECT at_utc, actor, action, note FROM case_history WHERE case_id = $id ORDER BY seq";
            history.Parameters.AddWithValue("$id", row.Id);
            var entries = new List<CaseHistoryEntry>();
            await using var reader = await history.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new CaseHistoryEntry(Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }

            cases.Add(new StoredCase(CaseJsonReader.Parse(row.Body), row.Status, row.Created, entries) { Assignee = row.Assignee });
        }

        return cases;
    }

    private int Migrate()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;";
            wal.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        for (var v = version; v < CaseStoreMigrations.Scripts.Count; v++)
        {
            using var transaction = connection.BeginTransaction();
            using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = CaseStoreMigrations.Scripts[v] + $"; PRAGMA user_version = {(v + 1).ToString(CultureInfo.InvariantCulture)};";
            apply.ExecuteNonQuery();
            transaction.Commit();
        }

        return CaseStoreMigrations.Scripts.Count;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static string Format(DateTime utc) => utc.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime Parse(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
