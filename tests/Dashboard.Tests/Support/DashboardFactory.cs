using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Hosting;
using Telematics.Ingest.Cases;

namespace Telematics.Dashboard.Tests.Support;

/// <summary>
/// The dashboard in all-in-one mode through WebApplicationFactory: its own temporary databases, no
/// simulated fleet, no InfluxDB. Device listeners do not run (the test server replaces Kestrel):
/// tests feed positions into the pipeline and cases into the store directly. Any type of the
/// dashboard assembly names its entry point; DashboardOptions is one.
/// </summary>
public sealed class DashboardFactory : WebApplicationFactory<DashboardOptions>
{
    public const string Password = "test-password-1";

    private readonly Dictionary<string, string?> _settings;

    /// <summary>Replaces services after the dashboard registered its own (e.g. the clock).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public DashboardFactory(params (string Key, string Value)[] settings)
    {
        Directory = Path.Combine(Path.GetTempPath(), "telematics-dashboard-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _settings = new Dictionary<string, string?>
        {
            ["Telematics:Dashboard:Database"] = Path.Combine(Directory, "dashboard.db"),
            ["Telematics:Dashboard:Simulator:Vehicles"] = "0",
            ["Telematics:Dashboard:SignInAttemptsPerMinute"] = "1000",
            ["Telematics:Cases:Database"] = Path.Combine(Directory, "cases.db"),
            ["Telematics:Registry:Path"] = Path.Combine(Directory, "devices.json"),
            ["Telematics:Influx:Enabled"] = "false",
            ["Telematics:Mqtt:Endpoint:Port"] = "0",
            ["Telematics:Mqtt:DeadLetterPath"] = Path.Combine(Directory, "mqtt-dead-letters.jsonl"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    public string Directory { get; }

    public UserStore Users => Services.GetRequiredService<UserStore>();

    public SqliteCaseStore Cases => Services.GetRequiredService<SqliteCaseStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    /// <summary>A client that follows no redirects (tests assert them), with no account.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a new account of <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string role, string? name = null)
    {
        name ??= role + "-" + Guid.NewGuid().ToString("N")[..6];
        Users.Upsert(name, role, Password);
        var client = Anonymous();
        var response = await client.PostFormAsync("/account/login", new() { ["UserName"] = name, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a late background writer: the temp directory is cleaned by the OS.
            }
        }
    }
}
