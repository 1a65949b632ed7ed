using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Telematics.Dashboard.Api;

/// <summary>
/// The API's only way in: an agency key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. The
/// dashboard's session cookie is never accepted here, so a page open in an officer's browser
/// cannot be used cross-site to read the API. No key → 401; an unknown or revoked key → 401; a
/// key without the endpoint's scope → 403; each with a problem-details body that says which.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    ApiMetrics metrics) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim that carries the key's id: the rate limit's partition.</summary>
    public const string KeyIdClaim = "api_key_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = keys.Find(presented);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        if (key.RevokedUtc is { } revoked)
        {
            return Task.FromResult(AuthenticateResult.Fail($"this API key was revoked on {revoked.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"));
        }

        keys.MarkUsed(key.Id);
        var claims = new List<Claim>
        {
            new(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Agency),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.Headers.WWWAuthenticate = "Bearer realm=\"telematics\"";
        var detail = result.Failure?.Message
            ?? $"an API key is required: send it in the {HeaderName} header or as Authorization: Bearer <key> (the dashboard's sign-in session is not accepted)";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredApiScope>()?.Scope;
        metrics.Request(Context.User.Identity?.Name ?? "unknown", ApiMetrics.Forbidden);
        await ApiProblems.WriteAsync(
            Context,
            StatusCodes.Status403Forbidden,
            "Forbidden",
            scope is null ? "this API key may not read this" : $"this API key lacks the scope {scope}").ConfigureAwait(false);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}

/// <summary>Endpoint metadata: the scope an endpoint needs (named in the 403 answer).</summary>
public sealed record RequiredApiScope(string Scope);

public static class ApiKeyAuthorization
{
    /// <summary>Only an agency key with <paramref name="scope"/> may call the endpoint; the session cookie is ignored.</summary>
    public static TBuilder RequireApiScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .RequireAuthorization(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiScopes.ClaimType, scope)
                .Build())
            .WithMetadata(new RequiredApiScope(scope));
}
