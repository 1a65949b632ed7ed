using System.Globalization;
using System.Text.Json;
using Telematics.Dashboard.Accounts;
using Telematics.Ingest.Cases;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// Exports, for every signed-in role: <c>/cases/export.csv</c> and <c>/cases/export.geojson</c>
/// take the list's filters (bad filters: 400 with the reasons as text), and
/// <c>/cases/{id}/evidence.geojson</c> is one case's evidence track (unknown id: 404).
/// </summary>
public static class CaseExportEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cases/export.csv", ExportCsvAsync).RequireAuthorization(Policies.Monitor);
        endpoints.MapGet("/cases/export.geojson", ExportGeoJsonAsync).RequireAuthorization(Policies.Monitor);
        endpoints.MapGet("/cases/{id}/evidence.geojson", EvidenceAsync).RequireAuthorization(Policies.Monitor);
    }

    private static async Task ExportCsvAsync(HttpContext http, SqliteCaseStore store, CaseText text, TimeProvider time)
    {
        var filter = CaseFilter.Parse(http.Request.Query, out var errors);
        if (errors.Count > 0)
        {
            await BadFilterAsync(http, text, errors).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(text, time)}.csv\"";
        await CaseCsv.WriteAsync(http.Response.Body, store.ExportAsync(filter.ToQuery(text.Zone), http.RequestAborted), text, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ExportGeoJsonAsync(HttpContext http, SqliteCaseStore store, CaseText text, TimeProvider time)
    {
        var filter = CaseFilter.Parse(http.Request.Query, out var errors);
        if (errors.Count > 0)
        {
            await BadFilterAsync(http, text, errors).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = CaseGeoJson.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(text, time)}.geojson\"";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var c in store.ExportAsync(filter.ToQuery(text.Zone), http.RequestAborted).ConfigureAwait(false))
        {
            CaseGeoJson.WriteTrack(json, c);
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(http.RequestAborted).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> EvidenceAsync(string id, SqliteCaseStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(CaseUrls.FromRoute(id), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Results.NotFound(new { error = $"no case {CaseUrls.FromRoute(id)}" });
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            CaseGeoJson.WriteEvidence(json, stored);
        }

        return Results.Bytes(buffer.ToArray(), CaseGeoJson.ContentType);
    }

    /// <summary>400 with each bad filter on its own line, in the page's language.</summary>
    private static Task BadFilterAsync(HttpContext http, CaseText text, IReadOnlyList<(string Key, string Value)> errors)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        var lines = errors.Select(e => text.Format(e.Key, e.Value)).Prepend(text["cases.error.title"]);
        return http.Response.WriteAsync(string.Join('\n', lines) + "\n", http.RequestAborted);
    }

    private static string FileName(CaseText text, TimeProvider time) =>
        "cases-" + text.Local(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
}
