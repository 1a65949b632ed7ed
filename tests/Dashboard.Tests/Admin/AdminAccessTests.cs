using System.Net;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

public sealed class AdminAccessTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Theory]
    [InlineData(Roles.Monitor, "/admin")]
    [InlineData(Roles.Officer, "/admin")]
    [InlineData(Roles.Officer, "/admin/keys")]
    [InlineData(Roles.Monitor, "/admin/registry")]
    [InlineData(Roles.Officer, "/admin/scenario")]
    public async Task A_monitor_or_officer_is_refused_the_admin_pages(string role, string page)
    {
        var client = await fixture.Factory.SignedInAsync(role);
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Accept.ParseAdd("application/json");

        var asScript = await client.SendAsync(request);
        var asBrowser = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Forbidden, asScript.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asBrowser.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", asBrowser.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_create_an_account_by_posting_the_form()
    {
        var officer = await fixture.Factory.SignedInAsync(Roles.Officer);

        var response = await officer.PostFormAsync("/admin?handler=Create", new() { ["Name"] = "intruder", ["Role"] = Roles.Admin, ["Password"] = "intruder-password" }, formPage: "/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Null(fixture.Factory.Users.Find("intruder"));
    }

    [Fact]
    public async Task The_admin_link_shows_in_the_sidebar_for_admins_only()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        var monitor = await fixture.Factory.SignedInAsync(Roles.Monitor);

        Assert.Contains("href=\"/admin\"", await admin.GetStringAsync("/api"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", await monitor.GetStringAsync("/api"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_guide_is_for_signed_in_users_with_a_curl_example_in_Vietnamese()
    {
        var monitor = await fixture.Factory.SignedInAsync(Roles.Monitor);

        var html = await monitor.GetStringAsync("/api");

        Assert.Contains("API cho cơ quan khác", html, StringComparison.Ordinal);
        Assert.Contains("curl -H \"X-Api-Key: $TLM_KEY\"", html, StringComparison.Ordinal);
        Assert.Contains("http://localhost/api/v1/cases?kind=speeding", html, StringComparison.Ordinal);
        Assert.Contains("600", html, StringComparison.Ordinal);
    }
}
