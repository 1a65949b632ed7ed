namespace Telematics.Ingest.Cases;

/// <summary>
/// A filtered, paged view of the cases, newest first. Every filter is optional; the time filter
/// keeps the cases whose episode started in [FromUtc, ToUtc).
/// </summary>
public sealed record CaseQuery
{
    public const int MaxPageSize = 500;

    public string? Kind { get; init; }

    public string? Status { get; init; }

    public string? Operator { get; init; }

    public string? Corridor { get; init; }

    public string? DeviceId { get; init; }

    public string? Assignee { get; init; }

    /// <summary>Part of a plate (letters and digits compared, "-", "." and spaces ignored) or of a device id.</summary>
    public string? Search { get; init; }

    public DateTime? FromUtc { get; init; }

    public DateTime? ToUtc { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    /// <summary>A plate's letters and digits, upper case: "12c-345.67" → "12C34567".</summary>
    public static string PlateKey(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToUpperInvariant();
}

/// <summary>One page of cases and how many match in all.</summary>
public sealed record CasePage(IReadOnlyList<StoredCase> Items, int Total, int Page, int PageSize)
{
    public int Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
