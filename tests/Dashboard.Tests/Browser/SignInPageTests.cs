using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Browser;

public sealed class SignInPageTests : IClassFixture<Support.Browser>, IAsyncLifetime
{
    private readonly Support.Browser _browser;
    private LiveDashboard _dashboard = null!;

    public SignInPageTests(Support.Browser browser) => _browser = browser;

    public async Task InitializeAsync() => _dashboard = await LiveDashboard.StartAsync();

    public async Task DisposeAsync() => await _dashboard.DisposeAsync();

    [Fact]
    public async Task The_sign_in_page_is_in_Vietnamese_and_a_wrong_password_shows_an_error()
    {
        _dashboard.Users.Upsert("thu", Roles.Officer, "right-password-1");
        var page = await _browser.NewPageAsync(_dashboard.BaseUri);

        await page.GotoAsync("/profile");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        Assert.Equal("Đăng nhập", await page.InnerTextAsync("button[type=submit]"));
        await Support.Browser.ScreenshotAsync(page, "01-sign-in");

        await page.FillAsync("input[name=UserName]", "thu");
        await page.FillAsync("input[name=Password]", "wrong-password-1");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", (await page.InnerTextAsync("[role=alert]")).Trim());
    }

    [Fact]
    public async Task The_language_switch_turns_the_shell_into_English()
    {
        _dashboard.Users.Upsert("quang", Roles.Monitor, "right-password-1");
        var page = await _browser.NewPageAsync(_dashboard.BaseUri);
        await Support.Browser.SignInAsync(page, "quang", "right-password-1", "/profile");
        Assert.Equal("Tài khoản của tôi", (await page.InnerTextAsync("h1")).Trim());

        await page.ClickAsync(".sidebar .lang a:text('EN')");

        Assert.Equal("My account", (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains("/profile", page.Url, StringComparison.Ordinal);
    }
}
