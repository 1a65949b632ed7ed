namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>The 6-byte BCD time YYMMDDhhmmss (years 2000-2099), in the device's zone.</summary>
internal static class Jt808Time
{
    public const int Length = 6;

    private const long MsPerSecond = 1000;
    private const long SecondsPerDay = 86_400;

    /// <summary>Reads the BCD time as Unix milliseconds UTC; false when a digit or a field is out of range.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bcd, long utcOffsetMs, out long timeMs)
    {
        timeMs = 0;
        if (bcd.Length < Length
            || !TryBcd(bcd[0], out var yy) || !TryBcd(bcd[1], out var month) || !TryBcd(bcd[2], out var day)
            || !TryBcd(bcd[3], out var hour) || !TryBcd(bcd[4], out var minute) || !TryBcd(bcd[5], out var second))
        {
            return false;
        }

        var year = 2000 + yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var seconds = (DaysFromCivil(year, month, day) * SecondsPerDay) + (hour * 3600) + (minute * 60) + second;
        timeMs = (seconds * MsPerSecond) - utcOffsetMs;
        return true;
    }

    /// <summary>Writes Unix milliseconds UTC as local BCD time, dropping milliseconds.</summary>
    public static void Write(long timeMs, long utcOffsetMs, Span<byte> destination)
    {
        var local = DateTime.UnixEpoch.AddMilliseconds(timeMs + utcOffsetMs);
        if (local.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(timeMs), "JT808 times cover the years 2000 to 2099.");
        }

        destination[0] = ToBcd(local.Year - 2000);
        destination[1] = ToBcd(local.Month);
        destination[2] = ToBcd(local.Day);
        destination[3] = ToBcd(local.Hour);
        destination[4] = ToBcd(local.Minute);
        destination[5] = ToBcd(local.Second);
    }

    private static bool TryBcd(byte b, out int value)
    {
        int hi = b >> 4, lo = b & 0x0F;
        value = (hi * 10) + lo;
        return hi <= 9 && lo <= 9;
    }

    private static byte ToBcd(int value) => (byte)(((value / 10) << 4) | (value % 10));

    // Howard Hinnant's days_from_civil: days since 1970-01-01 without building a DateTime.
    private static long DaysFromCivil(int year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097L) + doe - 719_468;
    }
}
