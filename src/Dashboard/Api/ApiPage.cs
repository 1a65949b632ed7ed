namespace Telematics.Dashboard.Api;

/// <summary>
/// One page of a list: <c>{ items, page, pageSize, total, links: { next, prev } }</c>; the links
/// repeat the request's filters and are null at either end.
/// </summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, ApiPageLinks Links)
{
    /// <summary>The page of <paramref name="items"/>, with links built from the request's own query.</summary>
    public static ApiPage<T> For(HttpRequest request, IReadOnlyList<T> items, int page, int pageSize, int total)
    {
        var last = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new ApiPage<T>(
            items,
            page,
            pageSize,
            total,
            new ApiPageLinks(
                page < last ? Link(request, page + 1, pageSize) : null,
                page > 1 ? Link(request, Math.Min(page - 1, last), pageSize) : null));
    }

    private static string Link(HttpRequest request, int page, int pageSize)
    {
        var query = request.Query
            .Where(p => p.Key is not ("page" or "pageSize"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}

/// <summary>Root-relative links to the neighbouring pages, null at either end.</summary>
public sealed record ApiPageLinks(string? Next, string? Prev);
