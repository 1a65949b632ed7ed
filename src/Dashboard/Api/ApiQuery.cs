using System.Globalization;
using System.Text.RegularExpressions;

namespace Telematics.Dashboard.Api;

/// <summary>
/// Reads the API's query parameters and collects every problem by parameter name, so that one
/// 400 answer lists all of them. Parameters are read as text (not bound by the framework) because
/// a failed framework binding answers 400 with no body, and an agency's developer needs to be
/// told which parameter is wrong and why.
/// </summary>
public sealed partial class ApiQuery(TimeZoneInfo zone)
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Valid => _errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Error(name, $"{name} must be a whole number, not '{text}'", fallback);
        }

        if (value < min || value > max)
        {
            return Error(name, max == int.MaxValue ? $"{name} must be {min} or more" : $"{name} must be between {min} and {max}", fallback);
        }

        return value;
    }

    /// <summary>One of <paramref name="allowed"/>, or null when absent.</summary>
    public string? OneOf(string name, string? text, IReadOnlyList<string> allowed) =>
        string.IsNullOrEmpty(text) || allowed.Contains(text, StringComparer.Ordinal)
            ? (string.IsNullOrEmpty(text) ? null : text)
            : Error<string?>(name, $"{name} must be one of {string.Join(", ", allowed)}, not '{text}'", null);

    /// <summary>
    /// A time as ISO-8601 with Z or an offset (2026-11-28T10:15:00Z, 2026-11-28T17:15:00+07:00), or
    /// a date (2026-11-28), which means that day's start in the operators' time zone. A time without
    /// zone is refused rather than guessed.
    /// </summary>
    public DateTime? Time(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // An unencoded "+07:00" arrives as " 07:00": a query string turns + into a space.
        text = text.Replace(' ', '+');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        }

        if (ZonedTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.UtcDateTime;
        }

        return Error<DateTime?>(name, $"{name} must be an ISO-8601 time with Z or an offset (2026-11-28T10:15:00Z) or a date (2026-11-28), not '{text}'", null);
    }

    /// <summary>Records a problem that involves more than one parameter (from after to).</summary>
    public void Fail(string name, string message) => Error(name, message, 0);

    private T Error<T>(string name, string message, T fallback)
    {
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
        return fallback;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZonedTime();
}
