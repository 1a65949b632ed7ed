using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols;

/// <summary>
/// A reusable buffer the codecs decode into: records, their IO values and variable-length
/// bytes in flat arrays that grow once and are then reused, frame after frame.
/// One per connection; not thread-safe.
/// </summary>
public sealed class RecordBatch
{
    private DecodedRecord[] _records = new DecodedRecord[16];
    private IoElement[] _io = new IoElement[128];
    private byte[] _bytes = new byte[256];
    private int _ioCount;
    private int _byteCount;

    public int Count { get; private set; }

    public ref DecodedRecord this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex();
            }

            return ref _records[index];
        }
    }

    /// <summary>Adds a cleared record and returns it for the codec to fill in place.</summary>
    public ref DecodedRecord Add()
    {
        if (Count == _records.Length)
        {
            Array.Resize(ref _records, _records.Length * 2);
        }

        ref var slot = ref _records[Count++];
        slot = default;
        slot.IoStart = _ioCount;
        return ref slot;
    }

    /// <summary>Appends a numeric value to the last record added.</summary>
    public void AddIo(ushort id, long value) => AppendIo(new IoElement(id, null, value, 0, -1));

    /// <summary>Appends a numeric value under a constant name to the last record added.</summary>
    public void AddIo(string name, long value) => AppendIo(new IoElement(0, name, value, 0, -1));

    /// <summary>Appends a variable-length value (copied) to the last record added.</summary>
    public void AddIoBytes(ushort id, ReadOnlySpan<byte> value) => AddIoBytes(id, null, value);

    public void AddIoBytes(string name, ReadOnlySpan<byte> value) => AddIoBytes(0, name, value);

    /// <summary>Appends a variable-length value that may span segments.</summary>
    public void AddIoBytes(ushort id, in ReadOnlySequence<byte> value)
    {
        var start = ReserveBytes((int)value.Length);
        value.CopyTo(_bytes.AsSpan(start));
        AppendIo(new IoElement(id, null, 0, start, (int)value.Length));
    }

    public ReadOnlySpan<IoElement> IoOf(in DecodedRecord record) => _io.AsSpan(record.IoStart, record.IoCount);

    public ReadOnlySpan<byte> BytesOf(in IoElement element) =>
        element.IsBytes ? _bytes.AsSpan(element.BytesStart, element.BytesLength) : default;

    /// <summary>Drops every record added since the count was <paramref name="count"/> (a frame that failed half-way).</summary>
    public void Truncate(int count)
    {
        if (count >= Count)
        {
            return;
        }

        Count = count;
        _ioCount = count == 0 ? 0 : _records[count - 1].IoStart + _records[count - 1].IoCount;
        if (_ioCount == 0)
        {
            _byteCount = 0;
        }
    }

    public void Clear()
    {
        Count = 0;
        _ioCount = 0;
        _byteCount = 0;
    }

    /// <summary>Copies record <paramref name="index"/> out of the reusable buffer into the normalised, immutable form.</summary>
    public PositionRecord ToPositionRecord(int index, string deviceId)
    {
        ref var r = ref this[index];
        return r.ToPositionRecord(deviceId, CopyIo(r));
    }

    private IoValue[] CopyIo(in DecodedRecord record)
    {
        if (record.IoCount == 0)
        {
            return [];
        }

        var io = IoOf(record);
        var values = new IoValue[io.Length];
        for (var i = 0; i < io.Length; i++)
        {
            ref readonly var e = ref io[i];
            var key = e.Name ?? IoKeys.For(e.Id);
            values[i] = e.IsBytes ? new IoValue(key, 0, BytesOf(e).ToArray()) : new IoValue(key, e.Value);
        }

        return values;
    }

    private void AddIoBytes(ushort id, string? name, ReadOnlySpan<byte> value)
    {
        var start = ReserveBytes(value.Length);
        value.CopyTo(_bytes.AsSpan(start));
        AppendIo(new IoElement(id, name, 0, start, value.Length));
    }

    private int ReserveBytes(int length)
    {
        if (_byteCount + length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + length));
        }

        var start = _byteCount;
        _byteCount += length;
        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AppendIo(in IoElement element)
    {
        if (Count == 0)
        {
            ThrowNoRecord();
        }

        if (_ioCount == _io.Length)
        {
            Array.Resize(ref _io, _io.Length * 2);
        }

        _io[_ioCount++] = element;
        _records[Count - 1].IoCount++;
    }

    private static void ThrowIndex() => throw new ArgumentOutOfRangeException("index");

    private static void ThrowNoRecord() => throw new InvalidOperationException("Add a record before its IO values.");

    /// <summary>Interned decimal keys for ids, so that materialising records does not format numbers.</summary>
    private static class IoKeys
    {
        private static readonly string[] Small = Enumerable.Range(0, 1024).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        public static string For(ushort id) => id < Small.Length ? Small[id] : id.ToString(CultureInfo.InvariantCulture);
    }
}
