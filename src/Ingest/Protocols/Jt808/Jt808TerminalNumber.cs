using System.Buffers.Binary;
using System.Globalization;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>The header's terminal number (终端手机号): BCD, 6 bytes (2013) or 10 bytes (2019).</summary>
internal static class Jt808TerminalNumber
{
    /// <summary>
    /// The device id: the BCD digits with leading zeros stripped ("0" when all are zero).
    /// Some devices put a binary IMEI in the 6 bytes instead of BCD (nibbles above 9): like Traccar,
    /// the id is then the 48-bit number in decimal plus its Luhn digit, which is the IMEI.
    /// A 10-byte number with such nibbles keeps its hex digits, upper case.
    /// </summary>
    public static string ToDeviceId(ReadOnlySpan<byte> number)
    {
        if (!IsDecimal(number) && number.Length == 6)
        {
            var value = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(number) << 32) | BinaryPrimitives.ReadUInt32BigEndian(number[2..]);
            var digits = value.ToString(CultureInfo.InvariantCulture);
            return digits + (char)('0' + LuhnDigit(digits));
        }

        var all = ToDigits(number);
        var trimmed = all.AsSpan().TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString();
    }

    /// <summary>All digits as sent (hex digits when a nibble is above 9).</summary>
    public static string ToDigits(ReadOnlySpan<byte> number) => Convert.ToHexString(number);

    /// <summary>Writes a number of decimal digits as BCD, right-aligned and padded with leading zeros.</summary>
    public static void Encode(string digits, Span<byte> destination)
    {
        if (digits.Length == 0 || digits.Length > destination.Length * 2 || digits.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("A JT808 terminal number is 1 to 12 (2013) or 20 (2019) decimal digits.", nameof(digits));
        }

        destination.Clear();
        var nibble = (destination.Length * 2) - digits.Length;
        foreach (var c in digits)
        {
            var d = (byte)(c - '0');
            destination[nibble / 2] |= (byte)((nibble & 1) == 0 ? d << 4 : d);
            nibble++;
        }
    }

    private static bool IsDecimal(ReadOnlySpan<byte> number)
    {
        foreach (var b in number)
        {
            if ((b >> 4) > 9 || (b & 0x0F) > 9)
            {
                return false;
            }
        }

        return true;
    }

    private static int LuhnDigit(string digits)
    {
        var sum = 0;
        var twice = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (twice)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            twice = !twice;
        }

        return (10 - (sum % 10)) % 10;
    }
}
