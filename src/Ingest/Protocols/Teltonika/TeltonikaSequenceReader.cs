using System.Buffers;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>Reads from a frame that straddles segments, without copying it.</summary>
internal ref struct TeltonikaSequenceReader : ITeltonikaReader
{
    private SequenceReader<byte> _reader;

    public TeltonikaSequenceReader(in ReadOnlySequence<byte> sequence)
    {
        _reader = new SequenceReader<byte>(sequence);
    }

    public readonly long Remaining => _reader.Remaining;

    public bool TryRead(out byte value) => _reader.TryRead(out value);

    public bool TryReadBigEndian(out ushort value)
    {
        var ok = _reader.TryReadBigEndian(out short raw);
        value = (ushort)raw;
        return ok;
    }

    public bool TryReadBigEndian(out uint value)
    {
        var ok = _reader.TryReadBigEndian(out int raw);
        value = (uint)raw;
        return ok;
    }

    public bool TryReadBigEndian(out ulong value)
    {
        var ok = _reader.TryReadBigEndian(out long raw);
        value = (ulong)raw;
        return ok;
    }

    public bool TryAddIoBytes(RecordBatch records, ushort id, int length)
    {
        if (_reader.Remaining < length)
        {
            return false;
        }

        records.AddIoBytes(id, _reader.UnreadSequence.Slice(0, length));
        _reader.Advance(length);
        return true;
    }
}
