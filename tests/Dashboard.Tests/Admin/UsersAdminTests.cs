using System.Net;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

public sealed class UsersAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task An_admin_creates_an_officer_who_can_then_sign_in()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var response = await admin.PostFormAsync("/admin?handler=Create", new() { ["Name"] = "nguyen.van.an", ["Role"] = Roles.Officer, ["Password"] = "mat-khau-an-2026" }, formPage: "/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Đã tạo tài khoản <strong>nguyen.van.an</strong>", page, StringComparison.Ordinal);
        Assert.Equal(Roles.Officer, fixture.Factory.Users.Find("nguyen.van.an")!.Role);
        var signIn = await fixture.Factory.Anonymous().PostFormAsync("/account/login", new() { ["UserName"] = "nguyen.van.an", ["Password"] = "mat-khau-an-2026" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Creating_an_existing_name_or_a_short_password_is_refused()
    {
        fixture.Factory.Users.Upsert("tran.thi.binh", Roles.Monitor, "binh-password-1");
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var existing = await admin.PostFormAsync("/admin?handler=Create", new() { ["Name"] = "tran.thi.binh", ["Role"] = Roles.Admin, ["Password"] = "another-password" }, formPage: "/admin");
        var shortPassword = await admin.PostFormAsync("/admin?handler=Create", new() { ["Name"] = "le.van.cuong", ["Role"] = Roles.Monitor, ["Password"] = "short" }, formPage: "/admin");

        Assert.Equal(HttpStatusCode.BadRequest, existing.StatusCode);
        Assert.Contains("Tên đăng nhập này đã tồn tại.", await existing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Roles.Monitor, fixture.Factory.Users.Find("tran.thi.binh")!.Role);
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(fixture.Factory.Users.Find("le.van.cuong"));
    }

    [Fact]
    public async Task A_password_reset_replaces_the_old_password_and_keeps_a_disabled_account_disabled()
    {
        fixture.Factory.Users.Upsert("pham.dung", Roles.Monitor, "old-password-1");
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var reset = await admin.PostFormAsync("/admin?handler=Reset", new() { ["Name"] = "pham.dung", ["Role"] = Roles.Officer, ["Password"] = "new-password-22" }, formPage: "/admin");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Null(fixture.Factory.Users.Verify("pham.dung", "old-password-1"));
        Assert.Equal(Roles.Officer, fixture.Factory.Users.Verify("pham.dung", "new-password-22")!.Role);

        fixture.Factory.Users.SetDisabled("pham.dung", true);
        await admin.PostFormAsync("/admin?handler=Reset", new() { ["Name"] = "pham.dung", ["Role"] = Roles.Officer, ["Password"] = "third-password-3" }, formPage: "/admin");
        Assert.True(fixture.Factory.Users.Find("pham.dung")!.Disabled);
    }

    [Fact]
    public async Task A_role_change_without_a_new_password_keeps_the_password_and_ends_the_old_session()
    {
        fixture.Factory.Users.Upsert("vu.giang", Roles.Monitor, "giang-password-1");
        var giang = fixture.Factory.Anonymous();
        await giang.PostFormAsync("/account/login", new() { ["UserName"] = "vu.giang", ["Password"] = "giang-password-1" });
        Assert.Equal(HttpStatusCode.OK, (await giang.GetAsync("/profile")).StatusCode);
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var change = await admin.PostFormAsync("/admin?handler=Reset", new() { ["Name"] = "vu.giang", ["Role"] = Roles.Officer, ["Password"] = string.Empty }, formPage: "/admin");

        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(Roles.Officer, fixture.Factory.Users.Verify("vu.giang", "giang-password-1")!.Role);
        Assert.Equal(HttpStatusCode.Redirect, (await giang.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_enabled_again()
    {
        fixture.Factory.Users.Upsert("hoang.em", Roles.Officer, "hoang-password-1");
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        await admin.PostFormAsync("/admin?handler=Disable", new() { ["Name"] = "hoang.em" }, formPage: "/admin");
        var refused = await fixture.Factory.Anonymous().PostFormAsync("/account/login", new() { ["UserName"] = "hoang.em", ["Password"] = "hoang-password-1" });
        await admin.PostFormAsync("/admin?handler=Enable", new() { ["Name"] = "hoang.em" }, formPage: "/admin");
        var accepted = await fixture.Factory.Anonymous().PostFormAsync("/account/login", new() { ["UserName"] = "hoang.em", ["Password"] = "hoang-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin, "quan.tri");

        var response = await admin.PostFormAsync("/admin?handler=Disable", new() { ["Name"] = "quan.tri" }, formPage: "/admin");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(fixture.Factory.Users.Find("quan.tri")!.Disabled);
    }

    [Fact]
    public async Task The_users_tab_lists_accounts_with_their_roles_in_English_too()
    {
        fixture.Factory.Users.Upsert("vu.giang", Roles.Officer, "giang-password-1");
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        await admin.GetAsync("/lang/en");

        var html = await admin.GetStringAsync("/admin");

        Assert.Contains("<strong>vu.giang</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"role-chip role-officer\">Officer</span>", html, StringComparison.Ordinal);
        Assert.Contains("Create account", html, StringComparison.Ordinal);
    }
}
