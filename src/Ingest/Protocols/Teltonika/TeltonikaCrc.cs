using System.Buffers;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// CRC-16/IBM (also CRC-16/ARC): polynomial 0x8005 reflected (0xA001), initial value 0,
/// no final XOR. Teltonika puts it in the low two bytes of the 4-byte CRC field.
/// </summary>
public static class TeltonikaCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data) => Update(0, data);

    public static ushort Compute(in ReadOnlySequence<byte> data)
    {
        if (data.IsSingleSegment)
        {
            return Update(0, data.FirstSpan);
        }

        ushort crc = 0;
        foreach (var segment in data)
        {
            crc = Update(crc, segment.Span);
        }

        return crc;
    }

    private static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
