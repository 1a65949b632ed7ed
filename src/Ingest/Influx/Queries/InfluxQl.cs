using System.Globalization;
using System.Text;

namespace Telematics.Ingest.Influx.Queries;

/// <summary>Quoting for InfluxQL: identifiers in double quotes, string literals in single quotes, backslash escapes.</summary>
public static class InfluxQl
{
    public static string Identifier(string name) => "\"" + Escape(name, '"') + "\"";

    public static string Literal(string value) => "'" + Escape(value, '\'') + "'";

    /// <summary>A time literal in epoch milliseconds ("1732800000000ms").</summary>
    public static string Time(DateTime utc) =>
        ((utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A duration literal for GROUP BY time(...), in the largest exact unit ("5m", "30s", "250ms").</summary>
    public static string Duration(TimeSpan span)
    {
        var ms = (long)span.TotalMilliseconds;
        if (ms <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(span), "A downsampling interval must be positive");
        }

        return ms % 3_600_000 == 0 ? (ms / 3_600_000).ToString(CultureInfo.InvariantCulture) + "h"
            : ms % 60_000 == 0 ? (ms / 60_000).ToString(CultureInfo.InvariantCulture) + "m"
            : ms % 1000 == 0 ? (ms / 1000).ToString(CultureInfo.InvariantCulture) + "s"
            : ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    private static string Escape(string value, char quote)
    {
        var sb = new StringBuilder(value.Length + 2);
        foreach (var c in value)
        {
            if (c == '\\' || c == quote)
            {
                sb.Append('\\');
            }

            sb.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return sb.ToString();
    }
}
