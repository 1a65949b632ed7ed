using System.Buffers;
using System.Text.Unicode;

namespace Telematics.Ingest.Influx.LineProtocol;

/// <summary>
/// InfluxDB line-protocol escaping, written straight into a <see cref="LineBuffer"/>:
/// measurements escape commas and spaces; tag keys, tag values and field keys escape commas,
/// equals signs and spaces; string field values escape double quotes and backslashes. Text is
/// UTF-8. Two things line protocol cannot carry are replaced, never rejected: CR and LF (a line
/// ends at a newline) become a space, and a backslash right before a character that needs
/// escaping, or at the end of a name, becomes '/' (InfluxDB reads "\\," as an escaped pair
/// followed by a delimiter, and does not unescape "\\").
/// </summary>
public static class LineEscaping
{
    private const byte Backslash = (byte)'\\';
    private const byte Quote = (byte)'"';
    private const byte Space = (byte)' ';
    private const byte Slash = (byte)'/';

    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \\\r\n");
    private static readonly SearchValues<char> NameSpecials = SearchValues.Create(",= \\\r\n");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\\r\n");

    /// <summary>A measurement name: commas and spaces escaped.</summary>
    public static void WriteMeasurement(LineBuffer buffer, ReadOnlySpan<char> value) =>
        WriteName(buffer, value, MeasurementSpecials, equalsIsSpecial: false);

    /// <summary>A tag key, tag value or field key: commas, equals signs and spaces escaped.</summary>
    public static void WriteName(LineBuffer buffer, ReadOnlySpan<char> value) =>
        WriteName(buffer, value, NameSpecials, equalsIsSpecial: true);

    /// <summary>The inside of a string field value (without the quotes): double quotes and backslashes escaped.</summary>
    public static void WriteStringContent(LineBuffer buffer, ReadOnlySpan<char> value)
    {
        var special = value.IndexOfAny(StringSpecials);
        if (special < 0)
        {
            WriteUtf8(buffer, value);
            return;
        }

        while (special >= 0)
        {
            WriteUtf8(buffer, value[..special]);
            var c = value[special];
            var span = buffer.GetSpan(2);
            if (c is '\r' or '\n')
            {
                span[0] = Space;
                buffer.Advance(1);
            }
            else
            {
                span[0] = Backslash;
                span[1] = (byte)c;
                buffer.Advance(2);
            }

            value = value[(special + 1)..];
            special = value.IndexOfAny(StringSpecials);
        }

        WriteUtf8(buffer, value);
    }

    private static void WriteName(LineBuffer buffer, ReadOnlySpan<char> value, SearchValues<char> specials, bool equalsIsSpecial)
    {
        var special = value.IndexOfAny(specials);
        if (special < 0)
        {
            WriteUtf8(buffer, value);
            return;
        }

        while (special >= 0)
        {
            WriteUtf8(buffer, value[..special]);
            var c = value[special];
            var span = buffer.GetSpan(2);
            if (c == '\\')
            {
                var next = special + 1 < value.Length ? value[special + 1] : ' ';
                span[0] = NeedsEscape(next, equalsIsSpecial) ? Slash : Backslash;
                buffer.Advance(1);
            }
            else
            {
                span[0] = Backslash;
                span[1] = c is '\r' or '\n' ? Space : (byte)c;
                buffer.Advance(2);
            }

            value = value[(special + 1)..];
            special = value.IndexOfAny(specials);
        }

        WriteUtf8(buffer, value);
    }

    private static bool NeedsEscape(char c, bool equalsIsSpecial) =>
        c is ',' or ' ' or '\r' or '\n' || (equalsIsSpecial && c == '=');

    private static void WriteUtf8(LineBuffer buffer, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        var span = buffer.GetSpan(value.Length * 3);
        Utf8.FromUtf16(value, span, out _, out var written, replaceInvalidSequences: true);
        buffer.Advance(written);
    }
}
