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

    /// <summary>Worst-case bytes for <paramref name="chars"/> UTF-16 units: 3 UTF-8 bytes each (an escaped ASCII character takes 2).</summary>
    public static int MaxBytes(int chars) => chars * 3;

    /// <summary>A measurement name: commas and spaces escaped. <paramref name="destination"/> holds at least <see cref="MaxBytes"/>.</summary>
    public static int WriteMeasurement(ReadOnlySpan<char> value, Span<byte> destination) =>
        WriteName(value, destination, MeasurementSpecials, equalsIsSpecial: false);

    /// <summary>A tag key, tag value or field key: commas, equals signs and spaces escaped.</summary>
    public static int WriteName(ReadOnlySpan<char> value, Span<byte> destination) =>
        WriteName(value, destination, NameSpecials, equalsIsSpecial: true);

    /// <summary>The inside of a string field value (without the quotes): double quotes and backslashes escaped.</summary>
    public static int WriteStringContent(ReadOnlySpan<char> value, Span<byte> destination)
    {
        var special = value.IndexOfAny(StringSpecials);
        if (special < 0)
        {
            return WriteUtf8(value, destination);
        }

        var pos = 0;
        while (special >= 0)
        {
            pos += WriteUtf8(value[..special], destination[pos..]);
            var c = value[special];
            if (c is '\r' or '\n')
            {
                destination[pos++] = Space;
            }
            else
            {
                destination[pos++] = Backslash;
                destination[pos++] = (byte)c;
            }

            value = value[(special + 1)..];
            special = value.IndexOfAny(StringSpecials);
        }

        return pos + WriteUtf8(value, destination[pos..]);
    }

    private static int WriteName(ReadOnlySpan<char> value, Span<byte> destination, SearchValues<char> specials, bool equalsIsSpecial)
    {
        var special = value.IndexOfAny(specials);
        if (special < 0)
        {
            return WriteUtf8(value, destination);
        }

        var pos = 0;
        while (special >= 0)
        {
            pos += WriteUtf8(value[..special], destination[pos..]);
            var c = value[special];
            if (c == '\\')
            {
                var next = special + 1 < value.Length ? value[special + 1] : ' ';
                destination[pos++] = NeedsEscape(next, equalsIsSpecial) ? Slash : Backslash;
            }
            else
            {
                destination[pos++] = Backslash;
                destination[pos++] = c is '\r' or '\n' ? Space : (byte)c;
            }

            value = value[(special + 1)..];
            special = value.IndexOfAny(specials);
        }

        return pos + WriteUtf8(value, destination[pos..]);
    }

    private static bool NeedsEscape(char c, bool equalsIsSpecial) =>
        c is ',' or ' ' or '\r' or '\n' || (equalsIsSpecial && c == '=');

    private static int WriteUtf8(ReadOnlySpan<char> value, Span<byte> destination)
    {
        Utf8.FromUtf16(value, destination, out _, out var written, replaceInvalidSequences: true);
        return written;
    }
}
