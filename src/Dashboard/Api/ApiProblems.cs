namespace Telematics.Dashboard.Api;

/// <summary>The API's error answers: RFC 9457 problem details (application/problem+json), never an HTML page.</summary>
public static class ApiProblems
{
    /// <summary>400 naming the parameter: <c>{"title": ..., "status": 400, "detail": ..., "errors": {"page": ["..."]}}</c>.</summary>
    public static IResult BadParameters(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors,
            detail: string.Join("; ", errors.SelectMany(e => e.Value)),
            title: "Invalid query parameter: " + string.Join(", ", errors.Keys));

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>Writes a problem body straight to the response (authentication and rate-limit answers, which run outside an endpoint).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }
}
