using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.Transport;

namespace Telematics.Dashboard.Tests.Hosting;

/// <summary>
/// A standalone dashboard next to a worker running elsewhere (here: an all-in-one dashboard with a
/// simulated fleet playing the worker): it shows the worker's vehicles and devices and the cases of
/// the shared case store, and hosts no device listener of its own.
/// </summary>
public sealed class StandaloneModeTests : IAsyncLifetime
{
    private LiveDashboard _worker = null!;
    private DashboardFactory _standalone = null!;

    public async Task InitializeAsync()
    {
        _worker = await LiveDashboard.StartAsync(vehicles: 3);
        var workerPort = _worker.Services.GetRequiredService<DeviceListeners>().HttpPort!.Value;
        _standalone = new DashboardFactory(
            ("Telematics:Dashboard:Mode", "Standalone"),
            ("Telematics:Dashboard:WorkerUrl", $"http://127.0.0.1:{workerPort}"),
            ("Telematics:Cases:Database", Path.Combine(_worker.Directory, "cases.db")));
    }

    public async Task DisposeAsync()
    {
        _standalone.Dispose();
        await _worker.DisposeAsync();
    }

    [Fact]
    public async Task It_shows_the_workers_vehicles_devices_and_shared_cases()
    {
        var client = await _standalone.SignedInAsync(Roles.Monitor);
        await Eventually.TrueAsync(async () => await CountIdsAsync(client) == 3, TimeSpan.FromSeconds(30), "the worker's 3 vehicles on the standalone map");

        var devices = await client.GetStringAsync("/devices");
        Assert.Contains("12C-100.00", devices, StringComparison.Ordinal);
        Assert.Contains("teltonika", devices, StringComparison.Ordinal);
        var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
        Assert.Equal("standalone", health.GetProperty("mode").GetString());
        Assert.Null(_standalone.Services.GetService<DeviceListeners>());

        // A case the worker's store holds is reviewed through the standalone dashboard.
        var raised = Cases.SampleCases.Speeding();
        await _worker.Cases.AddAsync(raised, DateTime.UtcNow);
        var page = await client.GetAsync("/cases/" + Uri.EscapeDataString(raised.CaseId));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(raised.Plate!, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<int> CountIdsAsync(HttpClient client)
    {
        using var snapshot = JsonDocument.Parse(await client.GetStringAsync("/map/snapshot"));
        return snapshot.RootElement.GetProperty("ids").EnumerateArray().Count(id => id.ValueKind == JsonValueKind.String);
    }
}
