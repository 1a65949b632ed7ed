using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Api;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

public sealed partial class KeysAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task An_admin_issues_a_key_shown_once_that_works_until_revoked()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin, "admin-keys");

        var created = await admin.PostFormAsync("/admin/keys?handler=Create", new() { ["Agency"] = "Công an tỉnh Lạng Sơn", ["Scopes"] = ApiScopes.CasesRead }, formPage: "/admin/keys");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var key = KeyPattern().Match(await created.Content.ReadAsStringAsync()).Value;
        Assert.StartsWith("tlm_", key, StringComparison.Ordinal);
        var api = fixture.Factory.Anonymous();
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);

        var list = await admin.GetStringAsync("/admin/keys");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Contains(key[..12] + "…", list, StringComparison.Ordinal);
        Assert.Contains("Công an tỉnh Lạng Sơn", list, StringComparison.Ordinal);

        var info = fixture.Factory.Services.GetRequiredService<ApiKeyStore>().Find(key)!;
        Assert.NotNull(info.LastUsedUtc);
        Assert.Equal("admin-keys", info.CreatedBy);
        var revoked = await admin.PostFormAsync("/admin/keys?handler=Revoke", new() { ["Id"] = info.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/admin/keys");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Contains("Đã thu hồi", await admin.GetStringAsync("/admin/keys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_a_scope_is_refused()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        var before = fixture.Factory.Services.GetRequiredService<ApiKeyStore>().List().Count;

        var response = await admin.PostFormAsync("/admin/keys?handler=Create", new() { ["Agency"] = "Sở Tài chính" }, formPage: "/admin/keys");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Chọn ít nhất một quyền đọc.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Factory.Services.GetRequiredService<ApiKeyStore>().List().Count);
    }

    [GeneratedRegex("tlm_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}
