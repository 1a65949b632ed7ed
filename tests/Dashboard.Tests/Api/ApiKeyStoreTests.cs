using Microsoft.Data.Sqlite;
using Telematics.Dashboard.Api;
using Telematics.Dashboard.Storage;

namespace Telematics.Dashboard.Tests.Api;

public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "telematics-keys-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public void A_key_is_random_shown_once_and_stored_only_as_its_hash()
    {
        var store = new ApiKeyStore(new DashboardDatabase(_path));

        var first = store.Create("Công an tỉnh Lạng Sơn", [ApiScopes.PositionsRead, ApiScopes.CasesRead], "admin");
        var second = store.Create("Công an tỉnh Lạng Sơn", [ApiScopes.CasesRead], "admin");

        Assert.Matches("^tlm_[A-Za-z0-9_-]{43}$", first.Key);
        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(["cases:read", "positions:read"], first.Info.Scopes);
        Assert.Equal(first.Key[..12], first.Info.Prefix);
        Assert.Equal(first.Info.Id, store.Find(first.Key)!.Id);
        Assert.Null(store.Find(first.Key[..^1] + (first.Key[^1] == 'A' ? 'B' : 'A')));
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=false");
        connection.Open();
        using var dump = connection.CreateCommand();
        dump.CommandText = "SELECT group_concat(key_hash || prefix || agency, '|') FROM api_keys";
        var stored = (string)dump.ExecuteScalar()!;
        Assert.DoesNotContain(first.Key, stored, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(first.Key))), stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_needs_a_known_scope_and_an_agency()
    {
        var store = new ApiKeyStore(new DashboardDatabase(_path));

        Assert.Throws<ArgumentException>(() => store.Create("Công an", ["cases:write"], "admin"));
        Assert.Throws<ArgumentException>(() => store.Create("Công an", [], "admin"));
        Assert.Throws<ArgumentException>(() => store.Create("  ", [ApiScopes.CasesRead], "admin"));
    }

    [Fact]
    public void A_revoked_key_stays_listed_after_the_active_ones_and_cannot_be_revoked_twice()
    {
        var store = new ApiKeyStore(new DashboardDatabase(_path));
        var old = store.Create("Sở Tài chính", [ApiScopes.CasesRead], "admin");
        store.Create("Sở Y tế", [ApiScopes.PositionsRead], "admin");

        Assert.True(store.Revoke(old.Info.Id, "admin"));
        Assert.False(store.Revoke(old.Info.Id, "admin"));

        var keys = store.List();
        Assert.Equal(["Sở Y tế", "Sở Tài chính"], keys.Select(k => k.Agency).ToArray());
        Assert.True(keys[1].Revoked);
        Assert.Equal("admin", keys[1].RevokedBy);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
