using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;
using Telematics.Dashboard.Localization;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Api;

/// <summary><c>/api/v1/cases</c>: the violation cases, filtered and paged newest first, one case with its evidence and history, its evidence as GeoJSON. Needs <c>cases:read</c>.</summary>
public static class CasesApi
{
    public const int DefaultPageSize = 50;

    /// <summary>Every case status, in the order a case goes through them.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
        [CaseStatus.Open, CaseStatus.InReview, CaseStatus.Confirmed, CaseStatus.Dismissed, CaseStatus.Closed];

    public static void MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases").RequireApiScope(ApiScopes.CasesRead);
        cases.MapGet("", ListAsync)
            .WithName("listCases")
            .WithSummary("List violation cases, newest first")
            .WithDescription("Filters combine with AND. Times filter on the episode's start: from is inclusive, to exclusive. A date (2026-11-28) means that day's start in the operators' time zone (Asia/Ho_Chi_Minh).")
            .Produces<ApiPage<ApiCaseSummary>>()
            .ProducesValidationProblem()
            .WithApiErrors();
        cases.MapGet("/{id}", GetAsync)
            .WithName("getCase")
            .WithSummary("One case with its evidence track and review history")
            .Produces<ApiCase>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithApiErrors();
        cases.MapGet("/{id}/evidence", EvidenceAsync)
            .WithName("getCaseEvidence")
            .WithSummary("A case's evidence track as GeoJSON")
            .WithDescription("A FeatureCollection: the track as a LineString (role \"track\"), then one Point per report (role \"report\") with time, speedKmh and limitKmh.")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithApiErrors();
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        SqliteCaseStore store,
        IOptions<DashboardOptions> options,
        [Description("speeding, route-deviation, continuous-driving, daily-driving, weekly-driving or corridor-stop")] string? kind,
        [Description("open, in-review, confirmed, dismissed or closed")] string? status,
        [Description("The vehicle operator (transport company), exactly as registered"), FromQuery(Name = "operator")] string? operatorName,
        [Description("The corridor, e.g. QL1 Lạng Sơn – Hữu Nghị")] string? corridor,
        [Description("The device (IMEI or terminal number)")] string? deviceId,
        [Description("Episodes that started at or after this time: ISO-8601 with Z or an offset, or a date")] string? from,
        [Description("Episodes that started before this time: ISO-8601 with Z or an offset, or a date")] string? to,
        [Description("1-based page number (default 1)")] string? page,
        [Description("Cases per page, 1 to 500 (default 50)")] string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = new ApiQuery(TimeZones.Find(options.Value.TimeZone));
        var caseQuery = new CaseQuery
        {
            Kind = query.OneOf("kind", kind, CaseKinds.All),
            Status = query.OneOf("status", status, Statuses),
            Operator = string.IsNullOrEmpty(operatorName) ? null : operatorName,
            Corridor = string.IsNullOrEmpty(corridor) ? null : corridor,
            DeviceId = string.IsNullOrEmpty(deviceId) ? null : deviceId,
            FromUtc = query.Time("from", from),
            ToUtc = query.Time("to", to),
            Page = query.Int("page", page, 1, 1, int.MaxValue),
            PageSize = query.Int("pageSize", pageSize, DefaultPageSize, 1, CaseQuery.MaxPageSize),
        };
        if (caseQuery is { FromUtc: { } f, ToUtc: { } t } && t <= f)
        {
            query.Fail("to", "to must be later than from");
        }

        if (!query.Valid)
        {
            return ApiProblems.BadParameters(query.Errors);
        }

        var result = await store.QueryAsync(caseQuery, cancellationToken).ConfigureAwait(false);
        return Results.Ok(ApiPage<ApiCaseSummary>.For(request, result.Items.Select(c => new ApiCaseSummary(c)).ToList(), caseQuery.Page, caseQuery.PageSize, result.Total));
    }

    private static async Task<IResult> GetAsync([Description("The case id, e.g. speeding:356307040000001:20261128T101500Z (URL-escaped)")] string id, SqliteCaseStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            ? Results.Ok(new ApiCase(stored))
            : ApiProblems.NotFound($"no case {id}");

    private static async Task<IResult> EvidenceAsync([Description("The case id (URL-escaped)")] string id, SqliteCaseStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            ? Results.Json(EvidenceGeoJson.For(stored.Case), contentType: "application/geo+json")
            : ApiProblems.NotFound($"no case {id}");
}
