using Microsoft.AspNetCore.Authentication;
using Telematics.Dashboard.Hosting;

namespace Telematics.Dashboard.Api;

/// <summary>The agency API: keys, their authentication scheme, the per-key rate limit, the OpenAPI document and the <c>/api/v1</c> endpoints.</summary>
public static class AgencyApiSetup
{
    public static IServiceCollection AddAgencyApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiMetrics>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        services.AddOpenApi(ApiOpenApi.DocumentName, ApiOpenApi.Configure);
        return services;
    }

    public static void MapAgencyApi(this WebApplication app)
    {
        // The document is public: an agency's developer reads it before holding a key.
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireRateLimiting(ApiRateLimitPolicy.Name);
        api.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.User.Identity is { IsAuthenticated: true, Name: { } agency })
            {
                context.HttpContext.RequestServices.GetRequiredService<ApiMetrics>().Request(agency, ApiMetrics.Served);
            }

            return await next(context).ConfigureAwait(false);
        });
        api.MapCasesApi();
        api.MapPositionsApi();
        api.MapFallback((HttpRequest request) => ApiProblems.NotFound($"no API endpoint {request.Method} {request.Path}: the API is read-only, see /openapi/v1.json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    /// <summary>The answers every API endpoint can give besides its own: 401, 403 and 429, as problem details.</summary>
    public static RouteHandlerBuilder WithApiErrors(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
