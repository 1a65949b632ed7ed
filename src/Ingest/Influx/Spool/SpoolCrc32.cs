namespace Telematics.Ingest.Influx.Spool;

/// <summary>CRC-32 (IEEE 802.3, reflected 0xEDB88320, as zlib and gzip), slicing-by-4: the spool's torn-write check.</summary>
public static class SpoolCrc32
{
    private static readonly uint[] Table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF_FFFFu;
        var table = Table;
        while (data.Length >= 4)
        {
            crc ^= (uint)(data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24));
            crc = table[(3 * 256) + (crc & 0xFF)]
                ^ table[(2 * 256) + ((crc >> 8) & 0xFF)]
                ^ table[256 + ((crc >> 16) & 0xFF)]
                ^ table[crc >> 24];
            data = data[4..];
        }

        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[4 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var s = 1; s < 4; s++)
            {
                var prev = table[((s - 1) * 256) + i];
                table[(s * 256) + i] = (prev >> 8) ^ table[prev & 0xFF];
            }
        }

        return table;
    }
}
