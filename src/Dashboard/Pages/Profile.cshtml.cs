using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.Pages;

/// <summary>Who is signed in, what the role may do, and a password change that needs the current password.</summary>
public sealed partial class ProfileModel(UserStore users, ILogger<ProfileModel> logger) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    public string Role => User.FindFirstValue(ClaimTypes.Role) ?? Roles.Monitor;

    public string? Message { get; private set; }

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var name = User.Identity!.Name!;
        if (Current is null || New is null || users.Verify(name, Current) is null)
        {
            Message = "profile.password.wrong";
            return Page();
        }

        if (New.Length < UserStore.MinPasswordLength)
        {
            Message = "profile.password.short";
            return Page();
        }

        users.Upsert(name, Role, New);
        LogChanged(name);
        Message = "profile.password.changed";
        Changed = true;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} changed their password")]
    private partial void LogChanged(string user);
}
