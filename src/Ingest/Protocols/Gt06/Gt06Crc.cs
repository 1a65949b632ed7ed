using System.Buffers;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>
/// CRC-16/X-25 ("CRC-ITU" in Concox documents): polynomial 0x1021 reflected (0x8408), initial
/// 0xFFFF, reflected in and out, final XOR 0xFFFF. Check value of "123456789" is 0x906E.
/// </summary>
public static class Gt06Crc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data) => (ushort)~Update(0xFFFF, data);

    public static ushort Compute(in ReadOnlySequence<byte> data)
    {
        if (data.IsSingleSegment)
        {
            return Compute(data.FirstSpan);
        }

        ushort crc = 0xFFFF;
        foreach (var segment in data)
        {
            crc = Update(crc, segment.Span);
        }

        return (ushort)~crc;
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
            var c = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (ushort)((c >> 1) ^ 0x8408) : (ushort)(c >> 1);
            }

            table[i] = c;
        }

        return table;
    }
}
