using System.Text.RegularExpressions;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

public sealed partial class AdminBrowserTests : IClassFixture<Support.Browser>, IAsyncLifetime
{
    private readonly Support.Browser _browser;
    private LiveDashboard _dashboard = null!;

    public AdminBrowserTests(Support.Browser browser) => _browser = browser;

    // Twelve simulated vehicles, so that the registry tab has a demo registry to list.
    public async Task InitializeAsync() => _dashboard = await LiveDashboard.StartAsync(vehicles: 12);

    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task An_admin_issues_a_key_in_the_browser_and_sees_it_once()
    {
        _dashboard.Users.Upsert("quan.tri", Roles.Admin, "admin-password-1");
        _dashboard.Users.Upsert("tran.binh", Roles.Officer, "officer-password-1");
        var page = await _browser.NewPageAsync(_dashboard.BaseUri);
        await Support.Browser.SignInAsync(page, "quan.tri", "admin-password-1", "/admin");
        await Support.Browser.ScreenshotAsync(page, "admin-01-users");

        await page.GotoAsync("/admin/keys");
        await page.FillAsync("input[name=Agency]", "Công an tỉnh Lạng Sơn");
        await page.CheckAsync("input[name=Scopes][value='positions:read']");
        await page.ClickAsync("form[action*='handler=Create'] button[type=submit]");

        var key = await page.InputValueAsync("#new-key");
        Assert.Matches(KeyPattern(), key);
        Assert.Equal("Công an tỉnh Lạng Sơn", (await page.InnerTextAsync("table.data tbody tr:first-child td:first-child")).Trim());
        await Support.Browser.ScreenshotAsync(page, "admin-02-key-issued");

        await page.GotoAsync("/admin/keys");
        Assert.Equal(0, await page.Locator("#new-key").CountAsync());

        await page.GotoAsync("/admin/registry");
        Assert.Equal(12, await page.Locator("table.data tbody tr").CountAsync());
        await Support.Browser.ScreenshotAsync(page, "admin-03-registry");

        await page.GotoAsync("/admin/scenario");
        Assert.Equal(6, await page.Locator("table.zone-counts tbody tr").CountAsync());
        await Support.Browser.ScreenshotAsync(page, "admin-04-scenario");

        await page.GotoAsync("/api");
        Assert.Contains("curl -H", await page.InnerTextAsync("pre.curl"), StringComparison.Ordinal);
        await Support.Browser.ScreenshotAsync(page, "api-01-guide");
    }

    [GeneratedRegex("^tlm_[A-Za-z0-9_-]{43}$")]
    private static partial Regex KeyPattern();
}
