using System.Net;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Accounts;

public sealed class SignInTests : IClassFixture<SignInTests.Fixture>
{
    private readonly DashboardFactory _factory;

    public SignInTests(Fixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task A_page_without_a_session_redirects_to_the_sign_in_page()
    {
        var response = await _factory.Anonymous().GetAsync("/profile?tab=password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_call_without_a_session_gets_401_not_a_redirect()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/profile");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await _factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_same_message_as_an_unknown_name()
    {
        _factory.Users.Upsert("lan", Roles.Officer, "right-password-1");
        var client = _factory.Anonymous();

        var wrong = await client.PostFormAsync("/account/login", new() { ["UserName"] = "lan", ["Password"] = "wrong-password-1" });
        var unknown = await client.PostFormAsync("/account/login", new() { ["UserName"] = "nobody", ["Password"] = "wrong-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_without_the_anti_forgery_token_is_refused()
    {
        _factory.Users.Upsert("minh", Roles.Officer, "right-password-1");

        var response = await _factory.Anonymous().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "minh", ["Password"] = "right-password-1" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_at_the_next_request()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor, "hoa");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);

        _factory.Users.SetDisabled("hoa", true);
        var response = await client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_needs_a_post_with_the_token_and_ends_the_session()
    {
        var client = await _factory.SignedInAsync(Roles.Officer);

        var viaGet = await client.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, viaGet.StatusCode);
        var signOut = await client.PostFormAsync("/account/logout", [], formPage: "/profile");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public void Passwords_are_stored_as_salted_pbkdf2_hashes()
    {
        _factory.Users.Upsert("an", Roles.Monitor, "same-password-1");
        _factory.Users.Upsert("binh", Roles.Monitor, "same-password-1");

        var an = _factory.Users.Find("an")!;
        var binh = _factory.Users.Find("binh")!;

        Assert.DoesNotContain("same-password-1", an.PasswordHash, StringComparison.Ordinal);
        Assert.NotEqual(an.PasswordHash, binh.PasswordHash);
        Assert.Equal(0x01, Convert.FromBase64String(an.PasswordHash)[0]); // Identity v3 format: PBKDF2-HMAC-SHA512
    }

    [Theory]
    [InlineData("", Roles.Admin, "long-enough-1")]
    [InlineData("has space", Roles.Admin, "long-enough-1")]
    [InlineData("root", "superuser", "long-enough-1")]
    [InlineData("root", Roles.Admin, "short")]
    public void An_account_with_a_bad_name_role_or_short_password_is_refused(string name, string role, string password) =>
        Assert.Throws<ArgumentException>(() => _factory.Users.Upsert(name, role, password));

    public sealed class Fixture : IDisposable
    {
        public DashboardFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }
}
