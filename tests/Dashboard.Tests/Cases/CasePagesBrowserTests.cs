using Microsoft.Playwright;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Cases;

/// <summary>The case pages in Chromium: the list, the case page's map and chart with no script error, an officer's confirmation, the notice.</summary>
public sealed class CasePagesBrowserTests : IClassFixture<Support.Browser>, IAsyncLifetime
{
    private readonly Support.Browser _browser;
    private LiveDashboard _dashboard = null!;

    public CasePagesBrowserTests(Support.Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _dashboard = await LiveDashboard.StartAsync();
        var now = SampleCases.Start.AddDays(1);
        await _dashboard.Cases.AddAsync(SampleCases.Speeding(), now);
        await _dashboard.Cases.AddAsync(SampleCases.Speeding(SampleCases.Start.AddHours(-3), "356307040000002", "12C-111.11"), now);
        await _dashboard.Cases.AddAsync(SampleCases.CorridorStop(SampleCases.Start.AddHours(-20), "356307040000004", "20H-000.01", "HTX Vận tải Đồng Đăng", SampleCases.Corridor), now);
        _dashboard.Users.Upsert("lan", Roles.Officer, "right-password-1");
    }

    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task An_officer_opens_a_case_from_the_list_sees_its_evidence_and_confirms_it()
    {
        var page = await _browser.NewPageAsync(_dashboard.BaseUri);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await Support.Browser.SignInAsync(page, "lan", "right-password-1", "/cases");

        Assert.Equal(3, await page.Locator("table.case-list tbody tr").CountAsync());
        await Support.Browser.ScreenshotAsync(page, "cases-01-list");

        await page.ClickAsync("td.plate a:text('12C-345.67')");
        await page.WaitForSelectorAsync("#case-map canvas");
        await page.WaitForFunctionAsync("() => document.querySelector('#case-chart').width > 0");
        var box = (await page.Locator("#case-map").BoundingBoxAsync())!;
        // The map draws on animation frames: two frames after the chart, the track is on it.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        await Support.Browser.ScreenshotAsync(page, "cases-02-case");
        Assert.Empty(errors);
        Assert.Equal("Quá tốc độ · 12C-345.67 Mới", Normalise(await page.InnerTextAsync("h1")));
        Assert.True(box.Height > 300);

        await page.FillAsync("form[action*='handler=Confirm'] textarea[name=Note]", "Camera khớp biển số");
        await page.ClickAsync("form[action*='handler=Confirm'] button[type=submit]");

        Assert.Equal("Đã xác nhận vi phạm.", (await page.InnerTextAsync("[role=status]")).Trim());
        Assert.Equal("Quá tốc độ · 12C-345.67 Đã xác nhận", Normalise(await page.InnerTextAsync("h1")));
        Assert.Contains("lan xác nhận vi phạm", Normalise(await page.InnerTextAsync("ol.case-history li:first-child")), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Confirmed, (await _dashboard.Cases.GetAsync(SampleCases.Speeding().CaseId))!.Status);

        await page.ClickAsync("a:text('Thông báo vi phạm')");
        Assert.Equal("THÔNG BÁO VI PHẠM", (await page.InnerTextAsync(".notice-doc h1")).Trim());
        await Support.Browser.ScreenshotAsync(page, "cases-03-notice");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync(".sidebar"));
        Assert.Empty(errors);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
