using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Telematics.Dashboard.Api;

/// <summary>
/// The OpenAPI document <c>/openapi/v1.json</c>: only the <c>/api/v1</c> endpoints (not the
/// dashboard's own script endpoints), the key as the security scheme (X-Api-Key header or Bearer),
/// the scope each operation needs, and integer paging parameters with their bounds.
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentName = "v1";
    public const string ApiKeySchemeName = "ApiKey";
    public const string BearerSchemeName = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer(DescribeDocument);
        options.AddOperationTransformer(DescribeOperation);
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Telematics agency API",
            Version = DocumentName,
            Description = "Read-only access for other agencies (police, finance, health) to the violation cases and live vehicle positions "
                + "of the journey-monitoring system. Every request carries an agency key issued by the transport department's administrator, "
                + "in the X-Api-Key header or as Authorization: Bearer <key>. Lists are paged ({ items, page, pageSize, total, links: { next, prev } }); "
                + "times are ISO-8601 UTC; errors are RFC 9457 problem details. Each key is rate-limited (429 with Retry-After).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The agency's API key (tlm_...).",
        };
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as a bearer token: Authorization: Bearer tlm_...",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemeName, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] },
        ];
        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredApiScope>().FirstOrDefault() is { } scope)
        {
            operation.Description = $"Scope: {scope.Scope}." + (operation.Description is { Length: > 0 } d ? " " + d : string.Empty);
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is "page" or "pageSize")
            {
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = parameter.Name == "pageSize" ? Ingest.Cases.CaseQuery.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                };
            }
        }

        return Task.CompletedTask;
    }
}
