using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Telematics.Dashboard.Storage;

/// <summary>
/// The dashboard's own SQLite file (accounts, agency API keys). Each component owns its tables and
/// migrates them itself: its applied version is a row in <c>schema_versions</c>, so components
/// never share a migration list. Thread-safe: every call opens a pooled connection.
/// </summary>
public sealed class DashboardDatabase
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private readonly string _connectionString;
    private readonly Lock _migrateLock = new();

    public DashboardDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = Open();
        using var setup = connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL);
            """;
        setup.ExecuteNonQuery();
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Applies the scripts of <paramref name="component"/> not yet applied, each in its own transaction.</summary>
    public void Migrate(string component, IReadOnlyList<string> scripts)
    {
        lock (_migrateLock)
        {
            using var connection = Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT version FROM schema_versions WHERE component = $c";
            read.Parameters.AddWithValue("$c", component);
            var version = read.ExecuteScalar() is long v ? (int)v : 0;
            for (var i = version; i < scripts.Count; i++)
            {
                using var transaction = connection.BeginTransaction();
                using var apply = connection.CreateCommand();
                apply.Transaction = transaction;
                apply.CommandText = scripts[i] + "; INSERT INTO schema_versions (component, version) VALUES ($c, $v) ON CONFLICT (component) DO UPDATE SET version = excluded.version;";
                apply.Parameters.AddWithValue("$c", component);
                apply.Parameters.AddWithValue("$v", i + 1);
                apply.ExecuteNonQuery();
                transaction.Commit();
            }
        }
    }

    public static string FormatTime(DateTime utc) => utc.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTime ParseTime(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
