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

    private readonly LineBuffer _buffer;
    private readonly int _start;
    private int _fields;

    public LineWriter(LineBuffer buffer, ReadOnlySpan<byte> escapedMeasurement)
    {
        _buffer = buffer;
        _start = buffer.Length;
        Append(escapedMeasurement);
    }

    public LineWriter(LineBuffer buffer, string measurement)
    {
        _buffer = buffer;
        _start = buffer.Length;
        LineEscaping.WriteMeasurement(buffer, measurement);
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

        AppendByte((byte)',');
        Append(escapedKey);
        AppendByte((byte)'=');
        LineEscaping.WriteName(_buffer, value);
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

        AppendByte((byte)',');
        LineEscaping.WriteName(_buffer, key);
        AppendByte((byte)'=');
        LineEscaping.WriteName(_buffer, value);
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

        var span = _buffer.GetSpan(MaxNumberBytes);
        span[0] = (byte)' ';
        timestampMs.TryFormat(span[1..], out var written, default, CultureInfo.InvariantCulture);
        span[1 + written] = (byte)'\n';
        _buffer.Advance(written + 2);
        _buffer.LineCompleted();
        return true;
    }

    private void FieldKey(ReadOnlySpan<byte> escapedKey)
    {
        AppendByte(_fields++ == 0 ? (byte)' ' : (byte)',');
        Append(escapedKey);
        AppendByte((byte)'=');
    }

    private void FieldKey(string key)
    {
        AppendByte(_fields++ == 0 ? (byte)' ' : (byte)',');
        LineEscaping.WriteName(_buffer, key);
        AppendByte((byte)'=');
    }

    private readonly void WriteDouble(double value)
    {
        // Shortest round-trip text ("R"), invariant: 21.0285, -0, 1E-05, 1.7976931348623157E+308 —
        // all of which InfluxDB 1.6 parses (checked against the real server in the tests).
        var span = _buffer.GetSpan(MaxNumberBytes);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    private readonly void WriteInteger(long value)
    {
        var span = _buffer.GetSpan(MaxNumberBytes);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        span[written] = (byte)'i';
        _buffer.Advance(written + 1);
    }

    private readonly void WriteString(string value)
    {
        AppendByte((byte)'"');
        LineEscaping.WriteStringContent(_buffer, value);
        AppendByte((byte)'"');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void AppendByte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    private static void ThrowTagAfterField() => throw new InvalidOperationException("Line protocol: tags must come before fields");
}
