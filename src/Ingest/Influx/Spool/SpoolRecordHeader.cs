using System.Buffers.Binary;

namespace Telematics.Ingest.Influx.Spool;

/// <summary>
/// The 16 bytes before every spooled batch: magic "TSP1", payload length, line count, CRC-32 of
/// the payload (all little-endian). A write torn by a crash leaves a short header, a length past
/// the end of the file, or a CRC that does not match: each is detected and skipped.
/// </summary>
public readonly record struct SpoolRecordHeader(int PayloadLength, int Lines, uint Crc)
{
    public const int Size = 16;
    public const uint Magic = 0x3150_5354; // "TSP1" read little-endian

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], PayloadLength);
        BinaryPrimitives.WriteInt32LittleEndian(destination[8..], Lines);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], Crc);
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out SpoolRecordHeader header)
    {
        header = default;
        if (source.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(source) != Magic)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(source[4..]);
        var lines = BinaryPrimitives.ReadInt32LittleEndian(source[8..]);
        if (length < 0 || lines < 0)
        {
            return false;
        }

        header = new SpoolRecordHeader(length, lines, BinaryPrimitives.ReadUInt32LittleEndian(source[12..]));
        return true;
    }
}
