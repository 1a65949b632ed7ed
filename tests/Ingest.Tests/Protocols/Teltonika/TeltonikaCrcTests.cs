using System.Buffers;
using FsCheck.Xunit;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>The table-sliced CRC-16/IBM against its bit-by-bit definition.</summary>
public sealed class TeltonikaCrcTests
{
    private static ushort BitByBit(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    [Fact]
    public void Check_value_of_crc16_arc_is_bb3d()
    {
        Assert.Equal(0xBB3D, TeltonikaCrc.Compute("123456789"u8));
    }

    [Property(MaxTest = 500)]
    public void Sliced_crc_equals_the_bitwise_definition_whole_and_split(byte[] data, int split)
    {
        var at = data.Length == 0 ? 0 : Math.Abs(split % (data.Length + 1));

        Assert.Equal(BitByBit(data), TeltonikaCrc.Compute(data));
        Assert.Equal(BitByBit(data), TeltonikaCrc.Compute(Segments.SplitAt(data, at)));
        Assert.Equal(BitByBit(data), TeltonikaCrc.Compute(new ReadOnlySequence<byte>(data)));
    }
}
