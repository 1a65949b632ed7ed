using Microsoft.AspNetCore.Identity;
using Telematics.Dashboard.Storage;

namespace Telematics.Dashboard.Accounts;

/// <summary>
/// Accounts in the dashboard database. Passwords are hashed with ASP.NET Core Identity's
/// PasswordHasher (PBKDF2 with HMAC-SHA512, 100,000 iterations, a random salt per password).
/// </summary>
public sealed class UserStore
{
    public const int MinPasswordLength = 10;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE users (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0
        )
        """,
    ];

    private readonly DashboardDatabase _database;
    private readonly PasswordHasher<string> _hasher = new();
    private readonly TimeProvider _time;

    public UserStore(DashboardDatabase database, TimeProvider? time = null)
    {
        _database = database;
        _time = time ?? TimeProvider.System;
        database.Migrate("users", Migrations);
    }

    public int Count()
    {
        using var connection = _database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM users";
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Creates an account or resets an existing one's password and role.</summary>
    public void Upsert(string name, string role, string password)
    {
        Validate(name, role, password);
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO users (name, role, password_hash, created_utc) VALUES ($name, $role, $hash, $at)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, disabled = 0
            """;
        upsert.Parameters.AddWithValue("$name", name);
        upsert.Parameters.AddWithValue("$role", role);
        upsert.Parameters.AddWithValue("$hash", _hasher.HashPassword(name, password));
        upsert.Parameters.AddWithValue("$at", DashboardDatabase.FormatTime(_time.GetUtcNow().UtcDateTime));
        upsert.ExecuteNonQuery();
    }

    public DashboardUser? Find(string name)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT name, role, password_hash, created_utc, disabled FROM users WHERE name = $name";
        select.Parameters.AddWithValue("$name", name);
        using var reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public IReadOnlyList<DashboardUser> List()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT name, role, password_hash, created_utc, disabled FROM users ORDER BY name";
        using var reader = select.ExecuteReader();
        var users = new List<DashboardUser>();
        while (reader.Read())
        {
            users.Add(Read(reader));
        }

        return users;
    }

    /// <summary>Changes an account's role and keeps its password; its sessions end at their next request.</summary>
    public bool SetRole(string name, string role)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"unknown role '{role}': one of {string.Join(", ", Roles.All)}", nameof(role));
        }

        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE users SET role = $role WHERE name = $name";
        update.Parameters.AddWithValue("$role", role);
        update.Parameters.AddWithValue("$name", name);
        return update.ExecuteNonQuery() == 1;
    }

    public bool SetDisabled(string name, bool disabled)
    {
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE users SET disabled = $d WHERE name = $name";
        update.Parameters.AddWithValue("$d", disabled ? 1 : 0);
        update.Parameters.AddWithValue("$name", name);
        return update.ExecuteNonQuery() == 1;
    }

    /// <summary>The account when the name and password match and it is enabled; null otherwise (the same answer for every failure).</summary>
    public DashboardUser? Verify(string name, string password)
    {
        var user = Find(name);
        if (user is null)
        {
            // Hash anyway so that an unknown name takes as long as a wrong password.
            _hasher.HashPassword(name, password);
            return null;
        }

        var result = _hasher.VerifyHashedPassword(user.Name, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed || user.Disabled)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Upsert(user.Name, user.Role, password);
        }

        return user;
    }

    /// <summary>Why a new account is refused: an empty or odd name, an unknown role or a short password.</summary>
    public static void Validate(string name, string role, string password)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("a user name is 1 to 64 characters without spaces", nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"unknown role '{role}': one of {string.Join(", ", Roles.All)}", nameof(role));
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"a password has at least {MinPasswordLength} characters", nameof(password));
        }
    }

    private static DashboardUser Read(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), DashboardDatabase.ParseTime(reader.GetString(3)), reader.GetInt64(4) != 0);
}
