using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;

namespace Telematics.Devices.Load;

/// <summary>
/// A JT808 (2013) terminal: registration (0x0100, answered 0x8100 with the auth code), then
/// authentication (0x0102, answered 0x8001 result 0), then 0x0704 batches of N locations
/// (0x0200 when N is 1). The frame is kept unescaped; per frame the serial and the BCD times
/// are patched, the checksum computed and the content escaped into the send buffer. The ack
/// must be a 0x8001 to this terminal naming the frame's serial and message id with result 0.
/// </summary>
internal sealed class Jt808LoadDevice : LoadDevice
{
    private const byte Flag = 0x7E;
    private const byte Escape = 0x7D;
    private const int TerminalOffset = 4;
    private const int TerminalLength = 6;
    private const int SerialOffset = 10;
    private const int HeaderLength = 12;
    private const int TimeInBody = 22;
    private const int AckBodyLength = 5;
    private const int LargestReply = 256;
    private const long BeijingOffsetMs = 8 * 3600 * 1000;

    private readonly byte[] _content;
    private readonly byte[] _send;
    private readonly int[] _timeOffsets;
    private readonly ushort _messageId;
    private ushort _serial = 1;

    public Jt808LoadDevice(string terminalNumber, int recordsPerFrame, double lat, double lon)
        : base(terminalNumber, recordsPerFrame)
    {
        var records = new DecodedRecord[recordsPerFrame];
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = new DecodedRecord
            {
                TimeMs = 1_700_000_000_000L + (i * 1000L),
                Lat = lat,
                Lon = lon,
                SpeedKmh = 52,
                Heading = 135,
                AltitudeM = 260,
                Satellites = 11,
                Valid = true,
                Ignition = true,
                OdometerKm = 123_456.7,
            };
        }

        var writer = new ArrayBufferWriter<byte>(2048);
        var header = new Jt808FrameHeader(terminalNumber, 0);
        if (recordsPerFrame == 1)
        {
            _messageId = Jt808MessageId.LocationReport;
            Jt808Encoder.WriteLocation(writer, header, records[0]);
        }
        else
        {
            _messageId = Jt808MessageId.LocationBatch;
            Jt808Encoder.WriteLocationBatch(writer, header, records);
        }

        _content = Unescape(writer.WrittenSpan);
        _send = new byte[(2 * (_content.Length + 1)) + 2];
        _timeOffsets = new int[recordsPerFrame];
        if (recordsPerFrame == 1)
        {
            _timeOffsets[0] = HeaderLength + TimeInBody;
        }
        else
        {
            var p = HeaderLength + 3;
            for (var i = 0; i < recordsPerFrame; i++)
            {
                _timeOffsets[i] = p + 2 + TimeInBody;
                p += 2 + BinaryPrimitives.ReadUInt16BigEndian(_content.AsSpan(p));
            }
        }
    }

    public override async ValueTask LoginAsync(LoadConnection connection, CancellationToken cancellationToken)
    {
        var output = new ArrayBufferWriter<byte>(256);
        Jt808Encoder.WriteRegistration(output, new Jt808FrameHeader(DeviceId, 0));
        await connection.SendAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var registered = await connection.ReadReplyAsync<Jt808Reply>(TryReadReply, cancellationToken).ConfigureAwait(false);
        if (!registered.IsRegistrationResponse || registered.ReplySerial != 0
            || registered.RegistrationResult != Jt808RegistrationResult.Ok || registered.AuthCode is null)
        {
            throw new LoadProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"JT808 registration of {DeviceId} answered 0x{registered.MessageId:X4} serial {registered.ReplySerial} result {registered.Result}"));
        }

        output.ResetWrittenCount();
        Jt808Encoder.WriteAuthentication(output, new Jt808FrameHeader(DeviceId, 1), registered.AuthCode);
        await connection.SendAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var authenticated = await connection.ReadReplyAsync<Jt808Reply>(TryReadReply, cancellationToken).ConfigureAwait(false);
        if (!authenticated.IsGeneralResponse || authenticated.ReplySerial != 1
            || authenticated.ReplyMessageId != Jt808MessageId.Authentication || authenticated.GeneralResult != Jt808Result.Ok)
        {
            throw new LoadProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"JT808 authentication of {DeviceId} answered 0x{authenticated.MessageId:X4} serial {authenticated.ReplySerial} result {authenticated.Result}"));
        }
    }

    public override ReadOnlyMemory<byte> NextFrame(long firstTimeMs, out long expectedKey)
    {
        _serial = unchecked((ushort)(_serial + 1));
        var content = _content.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(content[SerialOffset..], _serial);
        for (var i = 0; i < _timeOffsets.Length; i++)
        {
            WriteBcdTime(firstTimeMs + (i * 1000L) + BeijingOffsetMs, content[_timeOffsets[i]..]);
        }

        var length = WriteEscaped(content, Xor(content), _send);
        expectedKey = Key(0, _messageId, _serial);
        return _send.AsMemory(0, length);
    }

    public override bool TryReadAck(ref ReadOnlySequence<byte> buffer, out long key)
    {
        key = 0;
        var span = buffer.FirstSpan;
        if (span.IsEmpty)
        {
            return false;
        }

        if (span[0] != Flag)
        {
            throw new LoadProtocolException("JT808 reply does not start with 0x7E");
        }

        var end = span[1..].IndexOf(Flag);
        if (end < 0)
        {
            return span.Length <= LargestReply ? false : throw new LoadProtocolException("JT808 reply too long");
        }

        Span<byte> content = stackalloc byte[LargestReply];
        var length = Unescape(span.Slice(1, end), content);
        if (length < HeaderLength + AckBodyLength + 1)
        {
            throw new LoadProtocolException("JT808 reply shorter than a general response");
        }

        var message = content[..(length - 1)];
        if (Xor(message) != content[length - 1])
        {
            throw new LoadProtocolException("JT808 reply checksum mismatch");
        }

        var messageId = BinaryPrimitives.ReadUInt16BigEndian(message);
        var bodyLength = BinaryPrimitives.ReadUInt16BigEndian(message[2..]) & 0x03FF;
        if (messageId != Jt808MessageId.PlatformGeneralResponse || bodyLength != message.Length - HeaderLength
            || !message.Slice(TerminalOffset, TerminalLength).SequenceEqual(_content.AsSpan(TerminalOffset, TerminalLength)))
        {
            throw new LoadProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"JT808 reply 0x{messageId:X4} is not a general response to terminal {DeviceId}"));
        }

        var body = message[HeaderLength..];
        key = Key(body[4], BinaryPrimitives.ReadUInt16BigEndian(body[2..]), BinaryPrimitives.ReadUInt16BigEndian(body));
        buffer = buffer.Slice(end + 2);
        return true;
    }

    public override string DescribeKey(long key) => string.Create(CultureInfo.InvariantCulture,
        $"0x8001 to 0x{(key >> 16) & 0xFFFF:X4} serial {key & 0xFFFF} result {key >> 32}");

    private static long Key(byte result, ushort messageId, ushort serial) => ((long)result << 32) | ((long)messageId << 16) | serial;

    private static bool TryReadReply(ref ReadOnlySequence<byte> buffer, out Jt808Reply reply)
    {
        reply = default;
        if (!Jt808ReplyReader.TryReadFrame(ref buffer, out var frame))
        {
            return false;
        }

        return Jt808ReplyReader.TryParse(frame, out reply) ? true : throw new LoadProtocolException("JT808 reply malformed");
    }

    private static void WriteBcdTime(long localMs, Span<byte> destination)
    {
        var t = DateTime.UnixEpoch.AddMilliseconds(localMs);
        destination[0] = Bcd(t.Year - 2000);
        destination[1] = Bcd(t.Month);
        destination[2] = Bcd(t.Day);
        destination[3] = Bcd(t.Hour);
        destination[4] = Bcd(t.Minute);
        destination[5] = Bcd(t.Second);
    }

    private static byte Bcd(int value) => (byte)(((value / 10) << 4) | (value % 10));

    private static byte Xor(ReadOnlySpan<byte> data)
    {
        byte x = 0;
        foreach (var b in data)
        {
            x ^= b;
        }

        return x;
    }

    /// <summary>0x7E, the content and its checksum escaped (0x7E → 7D 02, 0x7D → 7D 01), 0x7E; returns the length.</summary>
    private static int WriteEscaped(ReadOnlySpan<byte> content, byte checksum, Span<byte> destination)
    {
        destination[0] = Flag;
        var n = 1;
        while (!content.IsEmpty)
        {
            var i = content.IndexOfAny(Flag, Escape);
            var run = i < 0 ? content : content[..i];
            run.CopyTo(destination[n..]);
            n += run.Length;
            if (i < 0)
            {
                break;
            }

            n = EscapeByte(content[i], destination, n);
            content = content[(i + 1)..];
        }

        n = checksum is Flag or Escape ? EscapeByte(checksum, destination, n) : Put(checksum, destination, n);
        destination[n++] = Flag;
        return n;
    }

    private static int EscapeByte(byte value, Span<byte> destination, int n)
    {
        destination[n] = Escape;
        destination[n + 1] = value == Flag ? (byte)0x02 : (byte)0x01;
        return n + 2;
    }

    private static int Put(byte value, Span<byte> destination, int n)
    {
        destination[n] = value;
        return n + 1;
    }

    /// <summary>The unescaped content of one whole escaped frame, checksum dropped.</summary>
    private static byte[] Unescape(ReadOnlySpan<byte> frame)
    {
        var content = new byte[frame.Length];
        var length = Unescape(frame[1..^1], content);
        return content.AsSpan(0, length - 1).ToArray();
    }

    private static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        var n = 0;
        for (var i = 0; i < escaped.Length; i++)
        {
            var b = escaped[i];
            if (b == Escape)
            {
                if (++i == escaped.Length || n == destination.Length)
                {
                    throw new LoadProtocolException("JT808 reply has a bad escape");
                }

                destination[n++] = escaped[i] switch
                {
                    0x01 => Escape,
                    0x02 => Flag,
                    _ => throw new LoadProtocolException("JT808 reply has a bad escape"),
                };
            }
            else
            {
                if (n == destination.Length)
                {
                    throw new LoadProtocolException("JT808 reply too long");
                }

                destination[n++] = b;
            }
        }

        return n;
    }
}
