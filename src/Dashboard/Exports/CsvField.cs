using System.Globalization;

namespace Telematics.Dashboard.Exports;

/// <summary>One field of the dashboard's CSV exports (cases, reports), written the same way everywhere.</summary>
public static class CsvField
{
    /// <summary>
    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A field
    /// starting with = + - @ that is not a number gets a leading ' so that a spreadsheet shows it
    /// instead of running it as a formula (plates, operators and notes come from outside).
    /// </summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        if (field[0] is '=' or '+' or '@' or '-' && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
