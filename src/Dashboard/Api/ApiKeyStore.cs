using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Telematics.Dashboard.Storage;

namespace Telematics.Dashboard.Api;

/// <summary>
/// Agencies' API keys in the dashboard database. A key is <c>tlm_</c> and 32 random bytes from
/// the OS CSPRNG in base64url (256 bits: no guessing, no stretching needed), so the store keeps a
/// plain SHA-256 of it and finds a presented key by that hash. Revoked keys stay listed (who had
/// access, until when). Thread-safe: every call opens a pooled connection.
/// </summary>
public sealed class ApiKeyStore
{
    public const string KeyPrefix = "tlm_";
    public const int MaxAgencyLength = 100;

    /// <summary>How many characters of a key the store keeps to tell keys apart ("tlm_" and 8 more).</summary>
    private const int ShownPrefixLength = 12;

    /// <summary>Longer than any key we make: anything longer is refused before hashing.</summary>
    private const int MaxKeyLength = 100;

    /// <summary>"Last used" is written at most this often per key, so that every request is not a database write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE api_keys (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            agency TEXT NOT NULL,
            scopes TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            prefix TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            created_by TEXT,
            last_used_utc TEXT,
            revoked_utc TEXT,
            revoked_by TEXT
        )
        """,
    ];

    private const string Columns = "id, agency, scopes, prefix, created_utc, created_by, last_used_utc, revoked_utc, revoked_by";

    private readonly DashboardDatabase _database;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, DateTime> _lastUsedWritten = new();

    public ApiKeyStore(DashboardDatabase database, TimeProvider? time = null)
    {
        _database = database;
        _time = time ?? TimeProvider.System;
        database.Migrate("api-keys", Migrations);
    }

    /// <summary>Makes a key for <paramref name="agency"/> with <paramref name="scopes"/>; the key in clear is in the answer only.</summary>
    public CreatedApiKey Create(string agency, IEnumerable<string> scopes, string? createdBy)
    {
        agency = agency.Trim();
        var scopeList = scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Validate(agency, scopeList);
        var key = KeyPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow().UtcDateTime;
        using var connection = _database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO api_keys (agency, scopes, key_hash, prefix, created_utc, created_by)
            VALUES ($agency, $scopes, $hash, $prefix, $created, $by) RETURNING id
            """;
        insert.Parameters.AddWithValue("$agency", agency);
        insert.Parameters.AddWithValue("$scopes", string.Join(' ', scopeList));
        insert.Parameters.AddWithValue("$hash", Hash(key));
        insert.Parameters.AddWithValue("$prefix", key[..ShownPrefixLength]);
        insert.Parameters.AddWithValue("$created", DashboardDatabase.FormatTime(now));
        insert.Parameters.AddWithValue("$by", (object?)createdBy ?? DBNull.Value);
        var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new CreatedApiKey(new ApiKeyInfo(id, agency, scopeList, key[..ShownPrefixLength], Trim(now), createdBy, null, null, null), key);
    }

    /// <summary>The stored key that <paramref name="presented"/> is (revoked or not), or null when it is no key of ours.</summary>
    public ApiKeyInfo? Find(string presented)
    {
        if (presented.Length > MaxKeyLength || !presented.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM api_keys WHERE key_hash = $hash";
        select.Parameters.AddWithValue("$hash", Hash(presented));
        using var reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public ApiKeyInfo? Get(long id)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM api_keys WHERE id = $id";
        select.Parameters.AddWithValue("$id", id);
        using var reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Every key, active ones first, newest first.</summary>
    public IReadOnlyList<ApiKeyInfo> List()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {Columns} FROM api_keys ORDER BY revoked_utc IS NOT NULL, created_utc DESC, id DESC";
        using var reader = select.ExecuteReader();
        var keys = new List<ApiKeyInfo>();
        while (reader.Read())
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    /// <summary>Revokes a key for good; false when there is no such key or it was revoked already.</summary>
    public bool Revoke(long id, string? revokedBy)
    {
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE api_keys SET revoked_utc = $at, revoked_by = $by WHERE id = $id AND revoked_utc IS NULL";
        update.Parameters.AddWithValue("$at", DashboardDatabase.FormatTime(_time.GetUtcNow().UtcDateTime));
        update.Parameters.AddWithValue("$by", (object?)revokedBy ?? DBNull.Value);
        update.Parameters.AddWithValue("$id", id);
        return update.ExecuteNonQuery() == 1;
    }

    /// <summary>Records that a key was used now (to the minute: at most one write per key and minute).</summary>
    public void MarkUsed(long id)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (_lastUsedWritten.TryGetValue(id, out var written) && now - written < LastUsedResolution)
        {
            return;
        }

        _lastUsedWritten[id] = now;
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE api_keys SET last_used_utc = $at WHERE id = $id";
        update.Parameters.AddWithValue("$at", DashboardDatabase.FormatTime(now));
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
    }

    /// <summary>Why a key is refused: an empty or overlong agency name, no scope or an unknown one.</summary>
    public static void Validate(string agency, IReadOnlyCollection<string> scopes)
    {
        if (string.IsNullOrWhiteSpace(agency) || agency.Length > MaxAgencyLength || agency.Any(char.IsControl))
        {
            throw new ArgumentException($"an agency name is 1 to {MaxAgencyLength} characters", nameof(agency));
        }

        if (scopes.Count == 0)
        {
            throw new ArgumentException($"a key needs at least one scope: {string.Join(", ", ApiScopes.All)}", nameof(scopes));
        }

        if (scopes.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown)
        {
            throw new ArgumentException($"unknown scope '{unknown}': one of {string.Join(", ", ApiScopes.All)}", nameof(scopes));
        }
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static DateTime Trim(DateTime utc) => DashboardDatabase.ParseTime(DashboardDatabase.FormatTime(utc));

    private static DateTime? OptionalTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DashboardDatabase.ParseTime(reader.GetString(ordinal));

    private static ApiKeyInfo Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        reader.GetString(3),
        DashboardDatabase.ParseTime(reader.GetString(4)),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        OptionalTime(reader, 6),
        OptionalTime(reader, 7),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}
