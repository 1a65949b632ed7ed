using System.Buffers;
using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// CRC-16/IBM (also CRC-16/ARC): polynomial 0x8005 reflected (0xA001), initial value 0,
/// no final XOR. Teltonika puts it in the low two bytes of the 4-byte CRC field.
/// </summary>
public static class TeltonikaCrc
{
    // Slicing-by-8: Tables[k][b] is the CRC of byte b followed by k zero bytes, so that eight bytes
    // fold in one step. A packet is checked once per frame over all of it: byte-at-a-time cost
    // more than decoding the records.
    private static readonly ushort[][] Tables = BuildTables();

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
        var t = Tables;
        ushort[] t0 = t[0], t1 = t[1], t2 = t[2], t3 = t[3], t4 = t[4], t5 = t[5], t6 = t[6], t7 = t[7];
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = (ushort)(t7[low & 0xFF] ^ t6[(low >> 8) & 0xFF] ^ t5[(low >> 16) & 0xFF] ^ t4[low >> 24]
                ^ t3[high & 0xFF] ^ t2[(high >> 8) & 0xFF] ^ t1[(high >> 16) & 0xFF] ^ t0[high >> 24]);
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ t0[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[][] BuildTables()
    {
        var tables = new ushort[8][];
        tables[0] = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            tables[0][i] = crc;
        }

        for (var k = 1; k < 8; k++)
        {
            tables[k] = new ushort[256];
            for (var i = 0; i < 256; i++)
            {
                var previous = tables[k - 1][i];
                tables[k][i] = (ushort)((previous >> 8) ^ tables[0][previous & 0xFF]);
            }
        }

        return tables;
    }
}
