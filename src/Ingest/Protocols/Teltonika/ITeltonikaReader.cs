namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// Big-endian reads over the records of one AVL packet. Two ref-struct implementations, one over a
/// span (the common, single-segment case) and one over a sequence (a frame that straddles segments),
/// let one generic record decoder serve both without copying the frame; the JIT specialises it per reader.
/// </summary>
internal interface ITeltonikaReader
{
    long Remaining { get; }

    bool TryRead(out byte value);

    bool TryReadBigEndian(out ushort value);

    bool TryReadBigEndian(out uint value);

    bool TryReadBigEndian(out ulong value);

    /// <summary>Appends the next <paramref name="length"/> bytes as a variable-length IO value of the last record.</summary>
    bool TryAddIoBytes(RecordBatch records, ushort id, int length);
}
