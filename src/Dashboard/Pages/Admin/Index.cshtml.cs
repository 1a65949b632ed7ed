using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.Pages.Admin;

/// <summary>
/// <c>/admin</c>, the users tab: every account with its role and state; create an account, reset a
/// password (and role), disable or enable. An admin cannot disable their own account (no lock-out).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class IndexModel(UserStore users, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<DashboardUser> Accounts { get; private set; } = [];

    /// <summary>A text key: what went wrong with the last form.</summary>
    public string? Error { get; private set; }

    /// <summary>A text key: what the last form did (after the redirect).</summary>
    public string? Done { get; private set; }

    public string? DoneUser { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet(string? done, string? user)
    {
        Done = done is "created" or "reset" or "disabled" or "enabled" ? "admin.users.done." + done : null;
        DoneUser = user;
        Accounts = users.List();
    }

    public IActionResult OnPostCreate()
    {
        var name = Name?.Trim() ?? string.Empty;
        if (users.Find(name) is not null)
        {
            return Failed("admin.users.error.exists");
        }

        if (Invalid(name, Role ?? string.Empty, Password ?? string.Empty) is { } error)
        {
            return Failed(error);
        }

        users.Upsert(name, Role!, Password!);
        LogCreated(Actor, name, Role!);
        return Redirect("created", name);
    }

    public IActionResult OnPostReset()
    {
        var user = Name is null ? null : users.Find(Name);
        if (user is null)
        {
            return Failed("admin.users.error.unknown");
        }

        var role = string.IsNullOrEmpty(Role) ? user.Role : Role;
        if (user.Name.Equals(Actor, StringComparison.OrdinalIgnoreCase) && role != Roles.Admin)
        {
            return Failed("admin.users.error.self");
        }

        if (string.IsNullOrEmpty(Password))
        {
            // No new password: only the role changes.
            if (!Roles.IsKnown(role))
            {
                return Failed("admin.users.error.role");
            }

            users.SetRole(user.Name, role);
            LogReset(Actor, user.Name, role);
            return Redirect("reset", user.Name);
        }

        if (Invalid(user.Name, role, Password) is { } error)
        {
            return Failed(error);
        }

        users.Upsert(user.Name, role, Password!);
        if (user.Disabled)
        {
            // A password reset is not an unlock: a disabled account stays disabled.
            users.SetDisabled(user.Name, true);
        }

        LogReset(Actor, user.Name, role);
        return Redirect("reset", user.Name);
    }

    public IActionResult OnPostDisable() => SetDisabled(true);

    public IActionResult OnPostEnable() => SetDisabled(false);

    private string Actor => User.Identity!.Name!;

    private IActionResult SetDisabled(bool disabled)
    {
        if (disabled && string.Equals(Name, Actor, StringComparison.OrdinalIgnoreCase))
        {
            return Failed("admin.users.error.self");
        }

        if (Name is null || !users.SetDisabled(Name, disabled))
        {
            return Failed("admin.users.error.unknown");
        }

        LogDisabled(Actor, Name, disabled);
        return Redirect(disabled ? "disabled" : "enabled", Name);
    }

    private static string? Invalid(string name, string role, string password)
    {
        try
        {
            UserStore.Validate(name, role, password);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.ParamName switch
            {
                "name" => "admin.users.error.name",
                "role" => "admin.users.error.role",
                _ => "admin.users.error.password",
            };
        }
    }

    private PageResult Failed(string error)
    {
        Error = error;
        Accounts = users.List();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private RedirectToPageResult Redirect(string done, string user) => RedirectToPage(new { done, user });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} created account {User} with role {Role}")]
    private partial void LogCreated(string admin, string user, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} reset the password of {User} (role {Role})")]
    private partial void LogReset(string admin, string user, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} set account {User} disabled = {Disabled}")]
    private partial void LogDisabled(string admin, string user, bool disabled);
}
