namespace Telematics.Ingest.Protocols;

/// <summary>
/// A raw device value inside a <see cref="RecordBatch"/>: either a number, or a slice of the
/// batch's byte store (variable-length values). <see cref="Name"/>, when set, is a constant the
/// codec chose instead of the numeric id (no allocation either way).
/// </summary>
public readonly struct IoElement
{
    public IoElement(ushort id, string? name, long value, int bytesStart, int bytesLength)
    {
        Id = id;
        Name = name;
        Value = value;
        BytesStart = bytesStart;
        BytesLength = bytesLength;
    }

    public ushort Id { get; }
    public string? Name { get; }
    public long Value { get; }
    public int BytesStart { get; }

    /// <summary>-1 for a numeric value.</summary>
    public int BytesLength { get; }

    public bool IsBytes => BytesLength >= 0;
}
