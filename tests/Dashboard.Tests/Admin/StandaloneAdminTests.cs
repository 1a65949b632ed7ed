using System.Net;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

public sealed class StandaloneAdminTests : IDisposable
{
    // Standalone: no worker in this process, so no registry or scenario to manage here (the worker URL points nowhere).
    private readonly DashboardFactory _factory = new(("Telematics:Dashboard:Mode", "Standalone"), ("Telematics:Dashboard:WorkerUrl", "http://127.0.0.1:9"));

    [Fact]
    public async Task A_standalone_dashboard_hides_the_registry_and_scenario_tabs()
    {
        var admin = await _factory.SignedInAsync(Roles.Admin);

        var users = await admin.GetStringAsync("/admin");
        var registry = await admin.GetStringAsync("/admin/registry");
        var upload = await admin.UploadAsync("/admin/scenario", "x.geojson", "{}");

        Assert.Contains("href=\"/admin/keys\"", users, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/registry\"", users, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/scenario\"", users, StringComparison.Ordinal);
        Assert.Contains("Dashboard đang chạy ở chế độ độc lập", registry, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
