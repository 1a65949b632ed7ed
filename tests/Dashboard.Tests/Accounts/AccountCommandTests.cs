using System.Diagnostics;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Api;
using Telematics.Dashboard.Storage;

namespace Telematics.Dashboard.Tests.Accounts;

/// <summary>The first admin and the agencies' keys, created as an operator would: through the executable.</summary>
public sealed class AccountCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "telematics-cli-" + Guid.NewGuid().ToString("N"));

    public AccountCommandTests() => Directory.CreateDirectory(_directory);

    private string Database => Path.Combine(_directory, "dashboard.db");

    [Fact]
    public async Task Users_add_reads_the_password_from_stdin_and_stores_only_its_hash()
    {
        var (code, output, _) = await RunAsync("a-long-password-1\n", "users", "add", "admin", "--role", "admin", "--database", Database);

        Assert.Equal(0, code);
        Assert.Contains("account admin (admin) saved", output, StringComparison.Ordinal);
        var users = new UserStore(new DashboardDatabase(Database));
        Assert.Equal(Roles.Admin, users.Verify("admin", "a-long-password-1")?.Role);
        Assert.DoesNotContain("a-long-password-1", users.Find("admin")!.PasswordHash, StringComparison.Ordinal);
        Assert.Contains("admin\tadmin\tenabled", (await RunAsync(null, "users", "list", "--database", Database)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_refuses_a_short_password_with_a_clear_error_and_stores_nothing()
    {
        var (code, _, error) = await RunAsync("short\n", "users", "add", "admin", "--role", "admin", "--database", Database);

        Assert.Equal(2, code);
        Assert.Contains("at least 10 characters", error, StringComparison.Ordinal);
        Assert.Equal(0, new UserStore(new DashboardDatabase(Database)).Count());
    }

    [Fact]
    public async Task Api_keys_add_prints_the_key_once_and_it_authenticates_with_its_scope()
    {
        var (code, output, _) = await RunAsync(null, "api-keys", "add", "Công an tỉnh Lạng Sơn", "--scope", "cases:read", "--database", Database);

        Assert.Equal(0, code);
        var key = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("tlm_", StringComparison.Ordinal));
        var found = new ApiKeyStore(new DashboardDatabase(Database)).Find(key);
        Assert.NotNull(found);
        Assert.Equal(("Công an tỉnh Lạng Sơn", true, false), (found.Agency, found.HasScope("cases:read"), found.HasScope("positions:read")));
        Assert.DoesNotContain(key, (await RunAsync(null, "api-keys", "list", "--database", Database)).Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "telematics-dashboard.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
