using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>
/// One GT06 connection: framing, login (IMEI, time zone), and decoding of location, alarm and
/// heartbeat packets. Every short frame that decodes is acknowledged with the generic reply
/// (same protocol number, serial echoed), as Traccar does; long (79 79) frames get no reply.
/// Not thread-safe: one per connection.
/// </summary>
public sealed class Gt06Session : IProtocolSession
{
    // Long frames can declare at most 0xFFFF; anything bigger handed to Decode is not a frame.
    private const int LargestFrame = 0xFFFF + Gt06Frame.LongOverhead;
    private const int StackCopyLimit = 512;
    private const int ImeiDigits = 15;
    private const int ImeiBytes = 8;
    private const int TimeZoneAt = 10;
    private const ushort TimeZoneWestBit = 1 << 3;

    // IO names: raw values the normalised record keeps under "io".
    private const string UploadModeKey = "uploadMode";
    private const string TerminalInfoKey = "terminalInfo";
    private const string VoltageLevelKey = "voltageLevel";
    private const string GsmSignalKey = "gsmSignal";
    private const string AlarmCodeKey = "alarmCode";

    // Terminal-information byte of alarm packets.
    private const byte TerminalAccBit = 1 << 1;

    private readonly SessionOptions _options;
    private long _utcOffsetSeconds;
    private byte[]? _scratch;

    public Gt06Session(SessionOptions options)
    {
        _options = options;
    }

    public string? DeviceId { get; private set; }

    /// <summary>The offset applied to device times: the gate's, else the login extension's, else zero (UTC).</summary>
    public TimeSpan DeviceUtcOffset => TimeSpan.FromSeconds(_utcOffsetSeconds);

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out long skippedBytes) =>
        Gt06Frame.TryRead(ref buffer, _options.MaxFrameBytes, out frame, out skippedBytes);

    public DecodeResult Decode(in ReadOnlySequence<byte> frame, RecordBatch records, IBufferWriter<byte> reply) =>
        frame.IsSingleSegment ? Decode(frame.FirstSpan, records, reply) : DecodeCopied(frame, records, reply);

    // A frame straddling segments is copied once (stack for short frames, a per-session buffer
    // for long ones) so that the decoder below works on one span.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DecodeResult DecodeCopied(in ReadOnlySequence<byte> frame, RecordBatch records, IBufferWriter<byte> reply)
    {
        if (frame.Length > LargestFrame)
        {
            return DecodeResult.Reject(Gt06Reasons.MalformedFrame);
        }

        var length = (int)frame.Length;
        if (length <= StackCopyLimit)
        {
            Span<byte> copy = stackalloc byte[StackCopyLimit];
            frame.CopyTo(copy);
            return Decode(copy[..length], records, reply);
        }

        if (_scratch is null || _scratch.Length < length)
        {
            _scratch = new byte[length];
        }

        frame.CopyTo(_scratch);
        return Decode(_scratch.AsSpan(0, length), records, reply);
    }

    private DecodeResult Decode(ReadOnlySpan<byte> frame, RecordBatch records, IBufferWriter<byte> reply)
    {
        if (!Gt06Frame.TryGetLayout(frame, out var headerLength))
        {
            return DecodeResult.Reject(Gt06Reasons.MalformedFrame);
        }

        // The CRC covers the length field(s) through the serial number.
        if (Gt06Crc.Compute(frame[2..^4]) != BinaryPrimitives.ReadUInt16BigEndian(frame[^4..]))
        {
            return DecodeResult.Reject(Gt06Reasons.CrcMismatch);
        }

        var protocol = frame[headerLength];
        var content = frame[(headerLength + 1)..^Gt06Frame.TrailerLength];
        var serial = BinaryPrimitives.ReadUInt16BigEndian(frame[^Gt06Frame.TrailerLength..]);
        if (protocol == Gt06MessageType.Login)
        {
            return DecodeLogin(content, serial, reply);
        }

        if (DeviceId is null && _options.RequireLogin)
        {
            return DecodeResult.Close(Gt06Reasons.DataBeforeLogin);
        }

        var result = protocol switch
        {
            Gt06MessageType.GpsLbs2 => DecodeLocation(content, records, hasStatus: true),
            Gt06MessageType.Gps or Gt06MessageType.Lbs or Gt06MessageType.GpsLbs or Gt06MessageType.GpsLbs3
                => DecodeLocation(content, records, hasStatus: false),
            Gt06MessageType.Alarm or Gt06MessageType.AlarmMultiFence or Gt06MessageType.AlarmStatus3
                or Gt06MessageType.AlarmMultiFence4G => DecodeAlarm(content, records),

            // Heartbeats carry no position; unknown types are acknowledged so the device moves on.
            _ => DecodeResult.Accepted,
        };

        if (result.Status == DecodeStatus.Accepted && frame[0] == Gt06Frame.ShortStart)
        {
            Gt06Encoder.WriteReply(reply, protocol, serial);
        }

        return result;
    }

    private DecodeResult DecodeLogin(ReadOnlySpan<byte> content, ushort serial, IBufferWriter<byte> reply)
    {
        Span<char> digits = stackalloc char[ImeiDigits];
        if (content.Length < ImeiBytes || !TryReadImei(content[..ImeiBytes], digits))
        {
            return DecodeResult.Reject(Gt06Reasons.MalformedLogin);
        }

        if (DeviceId is null)
        {
            var imei = new string(digits);
            if (!_options.Gate.Admit(imei))
            {
                return DecodeResult.Close(Gt06Reasons.DeviceRefused);
            }

            DeviceId = imei;
            var offset = _options.Gate.UtcOffset(imei) ?? LoginTimeZone(content) ?? TimeSpan.Zero;
            _utcOffsetSeconds = (long)offset.TotalSeconds;
        }
        else if (!digits.SequenceEqual(DeviceId))
        {
            // A connection speaks for one device; a second identity on it is a protocol violation.
            return DecodeResult.Close(Gt06Reasons.DeviceIdChanged);
        }

        Gt06Encoder.WriteReply(reply, Gt06MessageType.Login, serial);
        return DecodeResult.Accepted;
    }

    private DecodeResult DecodeLocation(ReadOnlySpan<byte> content, RecordBatch records, bool hasStatus)
    {
        if (content.Length < Gt06GpsBlock.Length)
        {
            return DecodeResult.Reject(Gt06Reasons.TruncatedGps);
        }

        if (!Gt06GpsBlock.TryReadTime(content, _utcOffsetSeconds, out var timeMs))
        {
            return DecodeResult.Reject(Gt06Reasons.InvalidDate);
        }

        ref var record = ref records.Add();
        record.TimeMs = timeMs;
        Gt06GpsBlock.ReadPosition(content, ref record);
        if (hasStatus)
        {
            ReadGpsLbs2Status(content[Gt06GpsBlock.Length..], records, ref record);
        }

        return DecodeResult.Accepted;
    }

    // 0x22 after the GPS block: MCC (2), MNC (1, or 2 when MCC bit 15 is set), LAC (2), cell (3),
    // then ACC, upload mode, re-upload flag. Firmwares that append more (mileage) are read alike;
    // a packet too short for the status bytes still gives its position.
    private static void ReadGpsLbs2Status(ReadOnlySpan<byte> lbs, RecordBatch records, ref DecodedRecord record)
    {
        if (lbs.Length < 2)
        {
            return;
        }

        var statusAt = (lbs[0] & 0x80) != 0 ? 9 : 8;
        if (lbs.Length < statusAt + 3)
        {
            return;
        }

        record.Ignition = lbs[statusAt] != 0;
        record.Archived = lbs[statusAt + 2] != 0;
        records.AddIo(UploadModeKey, lbs[statusAt + 1]);
    }

    // Alarm packets: GPS block, LBS preceded by its own length byte (which counts itself; 0 = no
    // LBS), then terminal info, voltage level, GSM signal, alarm code (and language, not used).
    private DecodeResult DecodeAlarm(ReadOnlySpan<byte> content, RecordBatch records)
    {
        if (content.Length < Gt06GpsBlock.Length)
        {
            return DecodeResult.Reject(Gt06Reasons.TruncatedGps);
        }

        var rest = content[Gt06GpsBlock.Length..];
        if (rest.IsEmpty)
        {
            return DecodeResult.Reject(Gt06Reasons.TruncatedAlarm);
        }

        var statusAt = rest[0] == 0 ? 1 : rest[0];
        if (rest.Length < statusAt + 4)
        {
            return DecodeResult.Reject(Gt06Reasons.TruncatedAlarm);
        }

        if (!Gt06GpsBlock.TryReadTime(content, _utcOffsetSeconds, out var timeMs))
        {
            return DecodeResult.Reject(Gt06Reasons.InvalidDate);
        }

        var terminalInfo = rest[statusAt];
        var alarmCode = rest[statusAt + 3];
        ref var record = ref records.Add();
        record.TimeMs = timeMs;
        Gt06GpsBlock.ReadPosition(content, ref record);
        record.Ignition = (terminalInfo & TerminalAccBit) != 0;
        record.Alarms = Gt06AlarmCode.ToDeviceAlarms(alarmCode);
        records.AddIo(TerminalInfoKey, terminalInfo);
        records.AddIo(VoltageLevelKey, rest[statusAt + 1]);
        records.AddIo(GsmSignalKey, rest[statusAt + 2]);
        records.AddIo(AlarmCodeKey, alarmCode);
        return DecodeResult.Accepted;
    }

    // 8 BCD bytes: a leading 0 nibble, then the 15 IMEI digits.
    private static bool TryReadImei(ReadOnlySpan<byte> bcd, Span<char> digits)
    {
        for (var i = 1; i <= ImeiDigits; i++)
        {
            var b = bcd[i >> 1];
            var nibble = (i & 1) == 0 ? b >> 4 : b & 0x0F;
            if (nibble > 9)
            {
                return false;
            }

            digits[i - 1] = (char)('0' + nibble);
        }

        return true;
    }

    // Optional login extension: bits 15..4 read as a decimal hhmm, bit 3 set for west (negative).
    private static TimeSpan? LoginTimeZone(ReadOnlySpan<byte> content)
    {
        if (content.Length < TimeZoneAt + 2)
        {
            return null;
        }

        var bits = BinaryPrimitives.ReadUInt16BigEndian(content[TimeZoneAt..]);
        var hhmm = bits >> 4;
        int hours = hhmm / 100, minutes = hhmm % 100;
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return (bits & TimeZoneWestBit) != 0 ? -offset : offset;
    }
}
