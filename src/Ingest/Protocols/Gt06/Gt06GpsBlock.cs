using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>
/// The 18-byte GPS block that starts every location and alarm packet: date-time (YY MM DD hh mm ss,
/// binary, device time zone), GPS info (high nibble block length, low nibble satellites),
/// latitude and longitude (u32, degrees × 1 800 000), speed (u8 km/h) and course/status (u16).
/// </summary>
internal static class Gt06GpsBlock
{
    public const int Length = 18;

    /// <summary>Units per degree of latitude and longitude (minutes × 30 000).</summary>
    public const double UnitsPerDegree = 1_800_000;

    public const ushort CourseMask = 0x03FF;
    public const ushort NorthBit = 1 << 10;
    public const ushort WestBit = 1 << 11;
    public const ushort FixedBit = 1 << 12;

    private const int SecondsPerDay = 86_400;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Reads the date-time as Unix milliseconds UTC; false when a field is out of range.</summary>
    public static bool TryReadTime(ReadOnlySpan<byte> block, long utcOffsetSeconds, out long timeMs)
    {
        timeMs = 0;
        int year = 2000 + block[0], month = block[1], day = block[2];
        int hour = block[3], minute = block[4], second = block[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long days = new DateOnly(year, month, day).DayNumber - UnixEpochDayNumber;
        var seconds = (days * SecondsPerDay) + (hour * 3600) + (minute * 60) + second - utcOffsetSeconds;
        timeMs = seconds * 1000;
        return true;
    }

    /// <summary>Fills the position fields of <paramref name="record"/> (the time is read separately).</summary>
    public static void ReadPosition(ReadOnlySpan<byte> block, ref DecodedRecord record)
    {
        record.Satellites = block[6] & 0x0F;
        var lat = BinaryPrimitives.ReadUInt32BigEndian(block[7..]) / UnitsPerDegree;
        var lon = BinaryPrimitives.ReadUInt32BigEndian(block[11..]) / UnitsPerDegree;
        record.SpeedKmh = block[15];
        var status = BinaryPrimitives.ReadUInt16BigEndian(block[16..]);
        record.Heading = status & CourseMask;
        record.Lat = (status & NorthBit) != 0 ? lat : -lat;
        record.Lon = (status & WestBit) != 0 ? -lon : lon;
        record.Valid = (status & FixedBit) != 0;
    }

    /// <summary>Writes the block for a record, its time shifted into the device's zone.</summary>
    public static void Write(Span<byte> block, in DecodedRecord record, TimeSpan utcOffset)
    {
        var local = DateTime.UnixEpoch.AddMilliseconds(record.TimeMs) + utcOffset;
        if (local.Year is < 2000 or > 2255)
        {
            throw new ArgumentOutOfRangeException(nameof(record), "GT06 dates hold years 2000 to 2255 only.");
        }

        block[0] = (byte)(local.Year - 2000);
        block[1] = (byte)local.Month;
        block[2] = (byte)local.Day;
        block[3] = (byte)local.Hour;
        block[4] = (byte)local.Minute;
        block[5] = (byte)local.Second;
        block[6] = (byte)((Length - 6) << 4 | Math.Clamp(record.Satellites, 0, 15));
        BinaryPrimitives.WriteUInt32BigEndian(block[7..], ToUnits(record.Lat, 90));
        BinaryPrimitives.WriteUInt32BigEndian(block[11..], ToUnits(record.Lon, 180));
        block[15] = (byte)Math.Clamp(Math.Round(record.SpeedKmh), 0, 255);
        var status = (ushort)(record.Heading & CourseMask);
        if (record.Lat >= 0)
        {
            status |= NorthBit;
        }

        if (record.Lon < 0)
        {
            status |= WestBit;
        }

        if (record.Valid)
        {
            status |= FixedBit;
        }

        BinaryPrimitives.WriteUInt16BigEndian(block[16..], status);
    }

    private static uint ToUnits(double degrees, double limit)
    {
        var magnitude = Math.Min(Math.Abs(degrees), limit);
        return (uint)Math.Round(magnitude * UnitsPerDegree);
    }
}
