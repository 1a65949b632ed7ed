using Microsoft.Playwright;

namespace Telematics.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright, headless and offline, one browser
/// per test class. Screenshots go to TestResults/screenshots at the repository root.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Telematics.sln")))
            {
                directory = directory.Parent;
            }

            var path = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
            System.IO.Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (the CI script does)");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh context (own cookies) at a desktop size, in the given UI language.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUri, string language = "vi")
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = language == "en" ? "en-GB" : "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        await context.AddCookiesAsync([new Cookie { Name = "lang", Value = language, Url = baseUri.ToString() }]);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form and waits for the page it lands on.</summary>
    public static async Task SignInAsync(IPage page, string user, string password, string returnUrl = "/map")
    {
        await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("button[type=submit]");

        // Committed is enough: the page's own locators wait for what they need, and a busy machine
        // can hold the "load" event of a page with a long-lived stream.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
