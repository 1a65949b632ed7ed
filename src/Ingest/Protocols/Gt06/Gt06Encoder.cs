using System.Buffers;
using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>
/// Writes GT06 frames as a device sends them (for simulators and round-trip tests), and the
/// server's generic acknowledgement. Every frame is a short <c>78 78</c> frame with its CRC-16/X-25
/// and <c>0D 0A</c>. Values are written at the protocol's resolution: 1/1 800 000 degree, whole
/// seconds, whole km/h (0..255), course 0..1023, satellites 0..15.
/// </summary>
public static class Gt06Encoder
{
    /// <summary>Size of the generic reply: <c>78 78 05 P serial crc 0D 0A</c>.</summary>
    public const int ReplyLength = 10;

    /// <summary>Voltage level the encoder reports when not told otherwise (0..6 scale, 4 = medium).</summary>
    public const byte DefaultVoltageLevel = 4;

    /// <summary>GSM signal strength the encoder reports when not told otherwise (0..4 scale, 4 = strong).</summary>
    public const byte DefaultGsmSignal = 4;

    private const int MaxShortContent = 255 - Gt06Frame.MinDeclaredLength;
    private const int LbsLength = 8; // MCC 2, MNC 1, LAC 2, cell 3
    private const byte LanguageEnglish = 0x02;
    private const byte UploadModeInterval = 0x00;
    private const byte TerminalAccBit = 1 << 1;

    /// <summary>
    /// Login (0x01): the 15-digit IMEI as BCD behind a 0 nibble, the 2-byte type code, and, when
    /// <paramref name="utcOffset"/> is given (whole minutes, within ±14 h), the time-zone extension.
    /// </summary>
    public static void WriteLogin(IBufferWriter<byte> output, string imei, ushort serial, TimeSpan? utcOffset = null, ushort typeCode = 0)
    {
        ArgumentNullException.ThrowIfNull(imei);
        if (imei.Length != 15 || imei.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("A GT06 IMEI is 15 decimal digits.", nameof(imei));
        }

        Span<byte> content = stackalloc byte[12];
        for (var i = 0; i < 8; i++)
        {
            var high = i == 0 ? 0 : imei[(2 * i) - 1] - '0';
            var low = imei[2 * i] - '0';
            content[i] = (byte)((high << 4) | low);
        }

        BinaryPrimitives.WriteUInt16BigEndian(content[8..], typeCode);
        var length = 10;
        if (utcOffset is { } offset)
        {
            var minutes = (int)Math.Abs(offset.TotalMinutes);
            if (offset.Ticks % TimeSpan.TicksPerMinute != 0 || minutes > 14 * 60)
            {
                throw new ArgumentOutOfRangeException(nameof(utcOffset), "A GT06 time zone is whole minutes within ±14 h.");
            }

            var bits = (((minutes / 60 * 100) + (minutes % 60)) << 4) | (offset < TimeSpan.Zero ? 1 << 3 : 0);
            BinaryPrimitives.WriteUInt16BigEndian(content[10..], (ushort)bits);
            length = 12;
        }

        WriteFrame(output, Gt06MessageType.Login, content[..length], serial);
    }

    /// <summary>Heartbeat / status (0x13): terminal info (ACC bit from <paramref name="ignition"/>), voltage level, GSM signal, alarm/language.</summary>
    public static void WriteHeartbeat(IBufferWriter<byte> output, ushort serial, bool ignition = false,
        byte voltageLevel = DefaultVoltageLevel, byte gsmSignal = DefaultGsmSignal)
    {
        ReadOnlySpan<byte> content = [ignition ? TerminalAccBit : (byte)0, voltageLevel, gsmSignal, Gt06AlarmCode.Normal, LanguageEnglish];
        WriteFrame(output, Gt06MessageType.Heartbeat, content, serial);
    }

    /// <summary>
    /// Location (0x22, GPS and LBS): the record's time (shifted by <paramref name="utcOffset"/>, the
    /// device's zone), position, speed, heading, satellites and validity, an empty cell (LBS zeros),
    /// then ACC from <see cref="DecodedRecord.Ignition"/>, upload mode 0 and the re-upload flag from
    /// <see cref="DecodedRecord.Archived"/>.
    /// </summary>
    public static void WriteLocation(IBufferWriter<byte> output, in DecodedRecord record, ushort serial, TimeSpan utcOffset = default)
    {
        Span<byte> content = stackalloc byte[Gt06GpsBlock.Length + LbsLength + 3];
        content.Clear();
        Gt06GpsBlock.Write(content, record, utcOffset);
        var status = content[(Gt06GpsBlock.Length + LbsLength)..];
        status[0] = record.Ignition == true ? (byte)1 : (byte)0;
        status[1] = UploadModeInterval;
        status[2] = record.Archived ? (byte)1 : (byte)0;
        WriteFrame(output, Gt06MessageType.GpsLbs2, content, serial);
    }

    /// <summary>
    /// Alarm (0x16): the record's GPS block as in <see cref="WriteLocation"/>, an empty cell behind
    /// its length byte, terminal info (ACC bit from <see cref="DecodedRecord.Ignition"/>), voltage
    /// level, GSM signal, <paramref name="alarmCode"/> (see <see cref="Gt06AlarmCode"/>) and language.
    /// </summary>
    public static void WriteAlarm(IBufferWriter<byte> output, in DecodedRecord record, ushort serial, byte alarmCode,
        TimeSpan utcOffset = default, byte voltageLevel = DefaultVoltageLevel, byte gsmSignal = DefaultGsmSignal)
    {
        Span<byte> content = stackalloc byte[Gt06GpsBlock.Length + 1 + LbsLength + 5];
        content.Clear();
        Gt06GpsBlock.Write(content, record, utcOffset);
        var rest = content[Gt06GpsBlock.Length..];
        rest[0] = 1 + LbsLength;
        var status = rest[(1 + LbsLength)..];
        status[0] = record.Ignition == true ? TerminalAccBit : (byte)0;
        status[1] = voltageLevel;
        status[2] = gsmSignal;
        status[3] = alarmCode;
        status[4] = LanguageEnglish;
        WriteFrame(output, Gt06MessageType.Alarm, content, serial);
    }

    /// <summary>
    /// The server's generic acknowledgement: <c>78 78 05 P serial crc 0D 0A</c>, the request's
    /// protocol number and serial echoed. Written by the session for login, heartbeat, location,
    /// alarm and any other short frame it accepts.
    /// </summary>
    public static void WriteReply(IBufferWriter<byte> output, byte protocolNumber, ushort serial) =>
        WriteFrame(output, protocolNumber, [], serial);

    /// <summary>Any short frame: <c>78 78 L P content serial crc 0D 0A</c> (content up to 250 bytes).</summary>
    public static void WriteFrame(IBufferWriter<byte> output, byte protocolNumber, ReadOnlySpan<byte> content, ushort serial)
    {
        if (content.Length > MaxShortContent)
        {
            throw new ArgumentOutOfRangeException(nameof(content), "A short GT06 frame holds at most 250 content bytes.");
        }

        var total = content.Length + Gt06Frame.MinDeclaredLength + Gt06Frame.ShortOverhead;
        var frame = output.GetSpan(total)[..total];
        frame[0] = Gt06Frame.ShortStart;
        frame[1] = Gt06Frame.ShortStart;
        frame[2] = (byte)(content.Length + Gt06Frame.MinDeclaredLength);
        frame[3] = protocolNumber;
        content.CopyTo(frame[4..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[^6..], serial);
        BinaryPrimitives.WriteUInt16BigEndian(frame[^4..], Gt06Crc.Compute(frame[2..^4]));
        frame[^2] = Gt06Frame.Cr;
        frame[^1] = Gt06Frame.Lf;
        output.Advance(total);
    }
}
