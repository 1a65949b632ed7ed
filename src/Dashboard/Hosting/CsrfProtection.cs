using Microsoft.AspNetCore.Antiforgery;

namespace Telematics.Dashboard.Hosting;

/// <summary>
/// Anti-forgery for minimal-API endpoints that change state from the dashboard's scripts (JSON
/// bodies are not checked by ASP.NET on their own): the request must carry the token of the
/// page's <c>csrf-token</c> meta tag in the X-CSRF-TOKEN header, else 400.
/// </summary>
public static class CsrfProtection
{
    public static TBuilder RequireCsrf<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(context.HttpContext).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.BadRequest(new { error = "missing or invalid anti-forgery token" });
            }

            return await next(context).ConfigureAwait(false);
        });
}
