using System.Globalization;
using System.Runtime.CompilerServices;

namespace Telematics.Ingest.Influx.LineProtocol;

/// <summary>
/// Writes one line of InfluxDB line protocol into a <see cref="LineBuffer"/>:
/// <c>measurement,tag=v,... field=1.5,n=3i,b=true,s="x" 1700000000000</c> (millisecond
/// timestamps, precision=ms). Tags first, then fields, then <see cref="End"/>. Nothing is
/// allocated. Keys given as UTF-8 bytes must already be escaped (the schema's constants);
/// keys and values given as text are escaped here (<see cref="LineEscaping"/>).
/// Empty or null tag values and non-finite floats (which InfluxDB refuses) are left out; a line
/// left without fields is rolled back.
/// </summary>
public ref struct LineWriter
{
    private const int MaxNumberBytes = 32;

    private const int LineReserve = 512;

    private readonly LineBuffer _buffer;
    private readonly int _start;
    private int _fields;

    // The line is written into the buffer's free space and committed at End (or on spilling).
    private Span<byte> _span;
    private int _pos;

    public LineWriter(LineBuffer buffer, ReadOnlySpan<byte> escapedMeasurement)
    {
        _buffer = buffer;
        _start = buffer.Length;
        _span = buffer.GetSpan(LineReserve);
        Append(escapedMeasurement);
    }

    public LineWriter(LineBuffer buffer, string measurement)
    {
        _buffer = buffer;
        _start = buffer.Length;
        _span = buffer.GetSpan(LineReserve);
        Room(LineEscaping.MaxBytes(measurement.Length));
        _pos += LineEscaping.WriteMeasurement(measurement, _span[_pos..]);
    }

    public void Tag(ReadOnlySpan<byte> escapedKey, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_fields > 0)
        {
            ThrowTagAfterField();
        }

        Room(escapedKey.Length + 2 + LineEscaping.MaxBytes(value.Length));
        _span[_pos++] = (byte)',';
        escapedKey.CopyTo(_span[_pos..]);
        _pos += escapedKey.Length;
        _span[_pos++] = (byte)'=';
        _pos += LineEscaping.WriteName(value, _span[_pos..]);
    }

    public void Tag(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_fields > 0)
        {
            ThrowTagAfterField();
        }

        Room(2 + LineEscaping.MaxBytes(key.Length + value.Length));
        _span[_pos++] = (byte)',';
        _pos += LineEscaping.WriteName(key, _span[_pos..]);
        _span[_pos++] = (byte)'=';
        _pos += LineEscaping.WriteName(value, _span[_pos..]);
    }

    public void Field(ReadOnlySpan<byte> escapedKey, double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        FieldKey(escapedKey);
        WriteDouble(value);
    }

    public void Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        FieldKey(key);
        WriteDouble(value);
    }

    public void Field(ReadOnlySpan<byte> escapedKey, long value)
    {
        FieldKey(escapedKey);
        WriteInteger(value);
    }

    public void Field(string key, long value)
    {
        FieldKey(key);
        WriteInteger(value);
    }

    public void Field(ReadOnlySpan<byte> escapedKey, bool value)
    {
        FieldKey(escapedKey);
        Append(value ? "true"u8 : "false"u8);
    }

    public void Field(string key, bool value)
    {
        FieldKey(key);
        Append(value ? "true"u8 : "false"u8);
    }

    /// <summary>A string field; null leaves the field out.</summary>
    public void Field(ReadOnlySpan<byte> escapedKey, string? value)
    {
        if (value is null)
        {
            return;
        }

        FieldKey(escapedKey);
        WriteString(value);
    }

    public void Field(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        FieldKey(key);
        WriteString(value);
    }

    /// <summary>Ends the line with its timestamp (Unix milliseconds). False when the line had no field and was rolled back.</summary>
    public bool End(long timestampMs)
    {
        if (_fields == 0)
        {
            _buffer.Truncate(_start);
            return false;
        }

        Room(MaxNumberBytes);
        _span[_pos++] = (byte)' ';
        timestampMs.TryFormat(_span[_pos..], out var written, default, CultureInfo.InvariantCulture);
        _pos += written;
        _span[_pos++] = (byte)'\n';
        _buffer.Advance(_pos);
        _buffer.LineCompleted();
        _pos = 0;
        _span = default;
        return true;
    }

    private void FieldKey(ReadOnlySpan<byte> escapedKey)
    {
        Room(escapedKey.Length + 2 + MaxNumberBytes);
        _span[_pos++] = _fields++ == 0 ? (byte)' ' : (byte)',';
        escapedKey.CopyTo(_span[_pos..]);
        _pos += escapedKey.Length;
        _span[_pos++] = (byte)'=';
    }

    private void FieldKey(string key)
    {
        Room(2 + LineEscaping.MaxBytes(key.Length) + MaxNumberBytes);
        _span[_pos++] = _fields++ == 0 ? (byte)' ' : (byte)',';
        _pos += LineEscaping.WriteName(key, _span[_pos..]);
        _span[_pos++] = (byte)'=';
    }

    private void WriteDouble(double value)
    {
        var span = _span[_pos..];
        if (!TryWriteShortDecimal(value, span, out var written))
        {
            // Shortest round-trip text ("R"), invariant: 0.30000000000000004, -0, 1E-05,
            // 1.7976931348623157E+308 — all of which InfluxDB 1.6 parses exactly (tests check it).
            value.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
        }

        _pos += written;
    }

    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    /// <summary>
    /// The fast path for what devices send (coordinates with up to 9 decimals, speeds, odometers):
    /// the fewest decimals k for which m = round(v·10^k) gives back v as m / 10^k. That division of
    /// two exact doubles is correctly rounded, so parsing the text "m with k decimals" yields v
    /// exactly — the same digits "R" prints, at a fraction of its cost.
    /// </summary>
    private static bool TryWriteShortDecimal(double value, Span<byte> span, out int written)
    {
        written = 0;
        var magnitude = Math.Abs(value);
        if (!(magnitude >= 1e-4 && magnitude < 1e6))
        {
            return false;
        }

        var powers = PowersOfTen.AsSpan();
        for (var k = 0; k < powers.Length; k++)
        {
            var scaled = Math.Round(value * powers[k]);
            if (scaled / powers[k] != value)
            {
                continue;
            }

            var m = (long)scaled;
            var negative = m < 0;
            var digits = (ulong)(negative ? -m : m);
            var pos = 0;
            if (negative)
            {
                span[pos++] = (byte)'-';
            }

            var intPart = digits;
            ulong fraction = 0;
            if (k > 0)
            {
                var divisor = (ulong)powers[k];
                intPart = digits / divisor;
                fraction = digits % divisor;
            }

            intPart.TryFormat(span[pos..], out var n, default, CultureInfo.InvariantCulture);
            pos += n;
            if (k > 0)
            {
                span[pos++] = (byte)'.';
                for (var d = k - 1; d >= 0; d--)
                {
                    span[pos + d] = (byte)('0' + (int)(fraction % 10));
                    fraction /= 10;
                }

                pos += k;
            }

            written = pos;
            return true;
        }

        return false;
    }

    private void WriteInteger(long value)
    {
        value.TryFormat(_span[_pos..], out var written, default, CultureInfo.InvariantCulture);
        _pos += written;
        _span[_pos++] = (byte)'i';
    }

    private void WriteString(string value)
    {
        Room(2 + LineEscaping.MaxBytes(value.Length));
        _span[_pos++] = (byte)'"';
        _pos += LineEscaping.WriteStringContent(value, _span[_pos..]);
        _span[_pos++] = (byte)'"';
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(_span[_pos..]);
        _pos += bytes.Length;
    }

    /// <summary>Makes room for <paramref name="bytes"/> more: commits what is written so far and takes a bigger span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Room(int bytes)
    {
        if (_span.Length - _pos < bytes)
        {
            Spill(bytes);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Spill(int bytes)
    {
        _buffer.Advance(_pos);
        _pos = 0;
        _span = _buffer.GetSpan(Math.Max(bytes, LineReserve));
    }

    private static void ThrowTagAfterField() => throw new InvalidOperationException("Line protocol: tags must come before fields");
}
