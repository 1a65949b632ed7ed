using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>Reads from one contiguous span: the fast path.</summary>
internal ref struct TeltonikaSpanReader : ITeltonikaReader
{
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    public TeltonikaSpanReader(ReadOnlySpan<byte> span)
    {
        _span = span;
        _position = 0;
    }

    public readonly long Remaining => _span.Length - _position;

    public bool TryRead(out byte value)
    {
        if ((uint)_position >= (uint)_span.Length)
        {
            value = 0;
            return false;
        }

        value = _span[_position++];
        return true;
    }

    public bool TryReadBigEndian(out ushort value)
    {
        if (_span.Length - _position < sizeof(ushort))
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += sizeof(ushort);
        return true;
    }

    public bool TryReadBigEndian(out uint value)
    {
        if (_span.Length - _position < sizeof(uint))
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(_span[_position..]);
        _position += sizeof(uint);
        return true;
    }

    public bool TryReadBigEndian(out ulong value)
    {
        if (_span.Length - _position < sizeof(ulong))
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt64BigEndian(_span[_position..]);
        _position += sizeof(ulong);
        return true;
    }

    public bool TryAddIoBytes(RecordBatch records, ushort id, int length)
    {
        if (_span.Length - _position < length)
        {
            return false;
        }

        records.AddIoBytes(id, _span.Slice(_position, length));
        _position += length;
        return true;
    }
}
