using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;

namespace Telematics.Dashboard.Accounts;

/// <summary>
/// Sign-in with a cookie: sessions end after the idle timeout or the absolute lifetime, and every
/// request re-checks that the account still exists, is enabled and has the same role. Browser
/// pages get redirected to the sign-in page; script and API calls get 401/403.
/// </summary>
public static class AccountsSetup
{
    public const string SignedInAtClaim = "signed_in_at";

    /// <summary>The rate limit on sign-in attempts (POSTs) per client address: slows password guessing.</summary>
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddDashboardAccounts(this IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddHostedService<FirstAdminService>();
        services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<DashboardOptions>>((cookie, dashboard) =>
            {
                cookie.Cookie.Name = "telematics.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = dashboard.Value.SessionIdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/account/login";
                cookie.LogoutPath = "/account/logout";
                cookie.AccessDeniedPath = "/account/denied";
                cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
                cookie.Events.OnValidatePrincipal = context => ValidateAsync(context, dashboard.Value);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Monitor, p => p.RequireRole(Roles.Monitor, Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Officer, p => p.RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var perMinute = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
            });
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "telematics.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    /// <summary>The principal of a signed-in account, stamped with the sign-in time for the absolute lifetime.</summary>
    public static ClaimsPrincipal PrincipalFor(DashboardUser user, DateTimeOffset now) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Pages are redirected; fetch/SSE calls and anything under /api get a plain status.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var wantsJson = request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/live", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Accept.Any(a => a is not null && (a.Contains("application/json", StringComparison.OrdinalIgnoreCase) || a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase)))
            || request.Headers.XRequestedWith == "fetch";
        if (wantsJson)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, DashboardOptions options)
    {
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var role = principal?.FindFirstValue(ClaimTypes.Role);
        var signedIn = long.TryParse(principal?.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : DateTimeOffset.MinValue;
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var user = name is null ? null : context.HttpContext.RequestServices.GetRequiredService<UserStore>().Find(name);
        if (user is null || user.Disabled || user.Role != role || time.GetUtcNow() - signedIn > options.SessionLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }
}
