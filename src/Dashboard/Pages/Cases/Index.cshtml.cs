using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.CaseReview;
using Telematics.Ingest.Cases;

namespace Telematics.Dashboard.Pages.Cases;

/// <summary>
/// The officers' list: filters from the query string (bookmarkable), counts per status for the
/// other filters, one page of cases newest first. Bad filters answer 400 with the reasons shown.
/// </summary>
public sealed class IndexModel(SqliteCaseStore store, CaseText text) : PageModel
{
    public CaseFilter Filter { get; private set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public CasePage? Cases { get; private set; }

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<string> Operators { get; private set; } = [];

    public IReadOnlyList<string> Corridors { get; private set; } = [];

    public int CountAll => Counts.Values.Sum();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = CaseFilter.Parse(Request.Query, out var errors);
        (Operators, Corridors) = await store.FilterValuesAsync(cancellationToken);
        if (errors.Count > 0)
        {
            Errors = errors.Select(e => text.Format(e.Key, e.Value)).ToArray();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var query = Filter.ToQuery(text.Zone);
        Cases = await store.QueryAsync(query, cancellationToken);
        Counts = await store.StatusCountsAsync(query, cancellationToken);
    }

    /// <summary>This list's URL with <paramref name="change"/> applied to its filters.</summary>
    public string Link(Func<CaseFilter, CaseFilter> change) => "/cases" + change(Filter).ToQueryString();

    public string ExportLink(string extension) => "/cases/export." + extension + (Filter with { Page = 1, PageSize = CaseFilter.DefaultPageSize }).ToQueryString();
}
