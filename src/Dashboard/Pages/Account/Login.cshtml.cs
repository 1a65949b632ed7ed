using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.Pages.Account;

/// <summary>Sign-in: name and password checked against the account store; the same message for every failure.</summary>
[EnableRateLimiting(AccountsSetup.SignInRateLimit)]
public sealed partial class LoginModel(UserStore users, TimeProvider time, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool NoAccountYet { get; private set; }

    public void OnGet() => NoAccountYet = users.Count() == 0;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserName is null || Password is null ? null : users.Verify(UserName, Password);
        if (user is null)
        {
            LogRefused(UserName, HttpContext.Connection.RemoteIpAddress?.ToString());
            Error = "account.refused";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountsSetup.PrincipalFor(user, time.GetUtcNow())).ConfigureAwait(false);
        LogSignedIn(user.Name, user.Role);
        return LocalRedirect(ReturnUrl is { Length: > 1 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/map");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {User} from {Remote}")]
    private partial void LogRefused(string? user, string? remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} ({Role}) signed in")]
    private partial void LogSignedIn(string user, string role);
}
