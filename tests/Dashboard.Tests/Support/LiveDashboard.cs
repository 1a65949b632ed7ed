using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Hosting;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Transport;

namespace Telematics.Dashboard.Tests.Support;

/// <summary>
/// The real dashboard, all-in-one, on a real Kestrel port (for the browser), with the ingest
/// worker's listeners on free loopback ports, its files in a temporary directory, and optionally
/// the simulated fleet feeding it over the real protocols. Disposing stops it.
/// </summary>
public sealed class LiveDashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveDashboard(WebApplication app, string directory)
    {
        _app = app;
        Directory = directory;
    }

    public string Directory { get; }

    public IServiceProvider Services => _app.Services;

    public Uri BaseUri => new($"http://127.0.0.1:{Services.GetRequiredService<DashboardListener>().Port}/");

    public int PortOf(string protocol) => Services.GetRequiredService<DeviceListeners>().PortOf(protocol) ?? throw new InvalidOperationException($"no {protocol} listener");

    public UserStore Users => Services.GetRequiredService<UserStore>();

    public SqliteCaseStore Cases => Services.GetRequiredService<SqliteCaseStore>();

    /// <summary>Starts a dashboard; <paramref name="vehicles"/> simulated vehicles feed it (0: none).</summary>
    public static Task<LiveDashboard> StartAsync(int vehicles = 0, params string[] settings) => StartAsync(vehicles, null, settings);

    /// <summary>Starts a dashboard whose worker reads <paramref name="registryJson"/> as its device registry.</summary>
    public static async Task<LiveDashboard> StartAsync(int vehicles, string? registryJson, params string[] settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-live-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (registryJson is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "devices.json"), registryJson);
        }

        string[] args =
        [
            "--Telematics:BindAddress=127.0.0.1",
            "--Telematics:HttpPort=0",
            "--Telematics:Listeners:teltonika:Port=0",
            "--Telematics:Listeners:gt06:Port=0",
            "--Telematics:Listeners:jt808:Port=0",
            "--Telematics:Mqtt:Endpoint:Port=0",
            $"--Telematics:Mqtt:DeadLetterPath={Path.Combine(directory, "mqtt-dead-letters.jsonl")}",
            $"--Telematics:Registry:Path={Path.Combine(directory, "devices.json")}",
            "--Telematics:Pipeline:ReorderWindow=00:00:00.050",
            $"--Telematics:Cases:Database={Path.Combine(directory, "cases.db")}",
            "--Telematics:Influx:Enabled=false",
            "--Telematics:Dashboard:BindAddress=127.0.0.1",
            "--Telematics:Dashboard:Port=0",
            $"--Telematics:Dashboard:Database={Path.Combine(directory, "dashboard.db")}",
            "--Telematics:Dashboard:SignInAttemptsPerMinute=1000",
            $"--Telematics:Dashboard:Simulator:Vehicles={vehicles}",
            $"--Telematics:Dashboard:Simulator:Registry={Path.Combine(directory, "demo-devices.json")}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = DashboardHost.Create(args);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new LiveDashboard(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a late writer: the OS cleans the temp directory.
        }
    }
}
