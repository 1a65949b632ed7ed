using System.Globalization;
using System.Text;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// The officers' filters as they travel in the query string (so a filtered page can be bookmarked
/// and exported): kind, status, operator, corridor, from/to as local days (yyyy-MM-dd, both
/// inclusive), q (plate or device), page and size. Bad values are reported, not guessed at: the
/// list answers 400 with the reason shown next to the form.
/// </summary>
public sealed record CaseFilter
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    private const string DayFormat = "yyyy-MM-dd";

    public string? Kind { get; init; }

    public string? Status { get; init; }

    public string? Operator { get; init; }

    public string? Corridor { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Search { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Reads the filters; each bad value adds a text key and the value to <paramref name="errors"/>.</summary>
    public static CaseFilter Parse(IQueryCollection query, out IReadOnlyList<(string Key, string Value)> errors)
    {
        var problems = new List<(string, string)>();
        string? Text(string name) => query[name].ToString() is { Length: > 0 } s ? s.Trim() : null;
        string? OneOf(string name, IReadOnlyList<string> allowed)
        {
            var value = Text(name);
            if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            {
                problems.Add(("cases.error." + name, value));
                return null;
            }

            return value;
        }

        DateOnly? Day(string name)
        {
            var value = Text(name);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problems.Add(("cases.error.date", value));
            return null;
        }

        int Positive(string name, int fallback, int max)
        {
            var value = Text(name);
            if (value is null)
            {
                return fallback;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
            {
                return n;
            }

            problems.Add(("cases.error." + name, value));
            return fallback;
        }

        var filter = new CaseFilter
        {
            Kind = OneOf("kind", CaseKinds.All),
            Status = OneOf("status", CaseTransitions.Statuses),
            Operator = Text("operator"),
            Corridor = Text("corridor"),
            From = Day("from"),
            To = Day("to"),
            Search = Text("q"),
            Page = Positive("page", 1, 1_000_000),
            PageSize = Positive("size", DefaultPageSize, MaxPageSize),
        };
        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            problems.Add(("cases.error.range", $"{from.ToString(DayFormat, CultureInfo.InvariantCulture)} > {to.ToString(DayFormat, CultureInfo.InvariantCulture)}"));
        }

        errors = problems;
        return filter;
    }

    /// <summary>The store's query: local days become UTC instants in <paramref name="zone"/>, the "to" day included.</summary>
    public CaseQuery ToQuery(TimeZoneInfo zone, int? page = null, int? pageSize = null) => new()
    {
        Kind = Kind,
        Status = Status,
        Operator = Operator,
        Corridor = Corridor,
        Search = Search,
        FromUtc = From is { } from ? StartOf(from, zone) : null,
        ToUtc = To is { } to ? StartOf(to.AddDays(1), zone) : null,
        Page = page ?? Page,
        PageSize = pageSize ?? PageSize,
    };

    public bool IsEmpty => this with { Page = 1, PageSize = DefaultPageSize } == new CaseFilter();

    /// <summary>The query string of these filters ("?kind=speeding&amp;page=2"), page 1 and the default size left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<(string, string?)>
        {
            ("kind", Kind),
            ("status", Status),
            ("operator", Operator),
            ("corridor", Corridor),
            ("from", From?.ToString(DayFormat, CultureInfo.InvariantCulture)),
            ("to", To?.ToString(DayFormat, CultureInfo.InvariantCulture)),
            ("q", Search),
            ("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture)),
            ("size", PageSize == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture)),
        };
        var text = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return text.ToString();
    }

    private static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
