using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Telematics.Dashboard.Fleet;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Browser;

/// <summary>
/// What an enforcement officer does in a day, in Debian's Chromium against the real dashboard fed
/// by simulated trucks over the real protocols: sign in, watch a truck move on the live map, open
/// the case its speeding raised, confirm it, see the history entry, and fail to dismiss another
/// case without a reason. Screenshots of every main page are saved under TestResults/screenshots.
/// </summary>
public sealed partial class OfficerJourneyTests(OfficerJourneyFixture fixture) : IClassFixture<OfficerJourneyFixture>
{
    private static readonly TimeSpan MoveTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_officer_watches_a_truck_move_confirms_its_speeding_case_and_cannot_dismiss_another_without_a_reason()
    {
        var open = (await fixture.Dashboard.Cases.QueryAsync(new CaseQuery { Kind = CaseKinds.Speeding, Status = CaseStatus.Open })).Items;
        var fleet = fixture.Dashboard.Services.GetRequiredService<IFleetView>();

        // A truck that is driving now (not on a break) and has an open speeding case.
        StoredCase? first = null;
        await Eventually.TrueAsync(
            () =>
            {
                first = open.FirstOrDefault(c => fleet.Vehicle(c.Case.DeviceId) is { SpeedKmh: > 10 });
                return Task.FromResult(first is not null);
            },
            TimeSpan.FromSeconds(60),
            "a truck with an open speeding case driving");
        var other = open.First(c => c.Id != first!.Id);
        var plate = first!.Case.Plate!;
        var page = await fixture.Browser.NewPageAsync(fixture.Dashboard.BaseUri);

        // Sign in, land on the live map with the three trucks drawn.
        await Support.Browser.SignInAsync(page, OfficerJourneyFixture.Officer, OfficerJourneyFixture.Password, "/map");
        await page.WaitForFunctionAsync("() => window.__mapStats && window.__mapStats.vehicles >= 3");
        await Support.Browser.ScreenshotAsync(page, "02-map");

        // Find the truck by its plate and watch its reported position change.
        await page.FillAsync("#map-search", plate);
        await page.ClickAsync("#map-search-results li[data-slot]");
        var panel = page.Locator("#map-panel");
        await Assertions.Expect(panel).ToContainTextAsync(plate);
        var before = await PositionAsync(panel);
        var moved = before;
        var deadline = DateTime.UtcNow + MoveTimeout;
        while (moved == before && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
            moved = await PositionAsync(panel);
        }

        Assert.NotEqual(before, moved);
        await Support.Browser.ScreenshotAsync(page, "03-map-vehicle-panel");

        // Its open speeding case is listed in the panel: open it.
        await page.ClickAsync($"#map-panel a[href='/cases/{Uri.EscapeDataString(first.Id)}']");
        await page.WaitForURLAsync(new Regex("/cases/"));
        Assert.Contains("Quá tốc độ", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains(plate, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await Support.Browser.ScreenshotAsync(page, "04-case");

        // Confirm it with a note: the status and the history name the officer.
        await page.FillAsync("form[action*='handler=Confirm'] textarea[name=Note]", "Đã đối chiếu camera QL1");
        await page.ClickAsync("form[action*='handler=Confirm'] button[type=submit]");
        await Assertions.Expect(page.Locator("[role=status].notice")).ToBeVisibleAsync();
        var confirmed = (await fixture.Dashboard.Cases.GetAsync(first.Id))!;
        Assert.Equal(CaseStatus.Confirmed, confirmed.Status);
        var entry = confirmed.History[^1];
        Assert.Equal((OfficerJourneyFixture.Officer, CaseStatus.Confirmed, "Đã đối chiếu camera QL1"), (entry.Actor, entry.Action, entry.Note));
        var history = await page.InnerTextAsync(".history, .case-history, section:has(h2:text('Lịch sử xử lý'))");
        Assert.Contains(OfficerJourneyFixture.Officer, history, StringComparison.Ordinal);
        Assert.Contains("Đã đối chiếu camera QL1", history, StringComparison.Ordinal);
        await Support.Browser.ScreenshotAsync(page, "05-case-confirmed");

        // Another case: dismissing without a reason is refused, by the form and by the server.
        await page.GotoAsync("/cases/" + Uri.EscapeDataString(other.Id));
        var dismiss = page.Locator("form[action*='handler=Dismiss']");
        await dismiss.Locator("button[type=submit]").ClickAsync();
        Assert.True(await dismiss.Locator("textarea[name=Note]").EvaluateAsync<bool>("t => t.validity.valueMissing"));
        await dismiss.Locator("textarea[name=Note]").FillAsync("   ");
        await dismiss.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert].notice")).ToBeVisibleAsync();
        await Support.Browser.ScreenshotAsync(page, "06-case-dismiss-refused");
        var still = (await fixture.Dashboard.Cases.GetAsync(other.Id))!;
        Assert.Equal(CaseStatus.Open, still.Status);
        Assert.DoesNotContain(still.History, h => h.Action == CaseStatus.Dismissed);
    }

    [Theory]
    [InlineData("/cases", "07-cases", "vi")]
    [InlineData("/gates", "08-gates", "vi")]
    [InlineData("/reports", "09-reports", "vi")]
    [InlineData("/devices", "10-devices", "vi")]
    [InlineData("/admin", "11-admin-users", "vi")]
    [InlineData("/api", "12-api-guide", "vi")]
    [InlineData("/map", "13-map-english", "en")]
    [InlineData("/cases", "14-cases-english", "en")]
    public async Task The_main_pages_render_without_script_errors(string path, string screenshot, string language)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.Dashboard.BaseUri, language);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await Support.Browser.SignInAsync(page, "admin-ha", OfficerJourneyFixture.Password, path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 5_000 }).ContinueWith(_ => { }, TaskScheduler.Default);
        await Support.Browser.ScreenshotAsync(page, screenshot);

        Assert.Empty(errors);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.EndsWith("· Telematics", await page.TitleAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> PositionAsync(ILocator panel) =>
        PositionPattern().Match(await panel.InnerTextAsync()).Value;

    [GeneratedRegex(@"\d+\.\d{5}, \d+\.\d{5}")]
    private static partial Regex PositionPattern();
}
