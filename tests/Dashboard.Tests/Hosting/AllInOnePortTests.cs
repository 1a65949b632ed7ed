using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.Transport;

namespace Telematics.Dashboard.Tests.Hosting;

/// <summary>
/// All-in-one: the worker's JSON endpoints answer on the worker's HTTP port only, and the
/// dashboard's pages of the same paths (/gates, /devices, /healthz) on the dashboard's port only.
/// </summary>
public sealed class AllInOnePortTests : IAsyncLifetime
{
    private LiveDashboard _dashboard = null!;
    private HttpClient _worker = null!;
    private HttpClient _ui = null!;

    public async Task InitializeAsync()
    {
        _dashboard = await LiveDashboard.StartAsync();
        var workerPort = _dashboard.Services.GetRequiredService<DeviceListeners>().HttpPort!.Value;
        _worker = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{workerPort}/") };
        _ui = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _dashboard.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _worker.Dispose();
        _ui.Dispose();
        await _dashboard.DisposeAsync();
    }

    [Theory]
    [InlineData("gates")]
    [InlineData("devices")]
    [InlineData("live")]
    public async Task The_worker_port_answers_its_own_json_without_a_session(string path)
    {
        var response = await _worker.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }

    [Fact]
    public async Task Health_differs_by_port()
    {
        using var worker = JsonDocument.Parse(await _worker.GetStringAsync("healthz"));
        using var ui = JsonDocument.Parse(await _ui.GetStringAsync("healthz"));

        Assert.True(worker.RootElement.TryGetProperty("listeners", out _));
        Assert.Equal("all-in-one", ui.RootElement.GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("gates")]
    [InlineData("devices")]
    [InlineData("map")]
    public async Task The_dashboard_port_keeps_its_pages_behind_sign_in(string path)
    {
        var response = await _ui.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("map")]
    [InlineData("cases")]
    [InlineData("live")]
    public async Task Neither_port_serves_the_other_ones_paths(string path)
    {
        var onWorker = await _worker.GetAsync(path);
        Assert.Equal(path == "live" ? HttpStatusCode.OK : HttpStatusCode.NotFound, onWorker.StatusCode);
        if (path == "live")
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _ui.GetAsync(path)).StatusCode);
        }
    }
}
