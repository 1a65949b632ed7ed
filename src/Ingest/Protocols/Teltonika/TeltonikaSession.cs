using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// One Teltonika TCP connection: the IMEI login, keep-alive pings and AVL packets (Codec 8, 8 Extended
/// and 16 decoded; Codec 12 and 13 command responses accepted without records or ack).
/// Not thread-safe: one per connection.
/// </summary>
public sealed class TeltonikaSession : IProtocolSession
{
    /// <summary>A lone byte the device sends to keep the connection open; it gets no reply.</summary>
    public const byte KeepAlive = 0xFF;

    /// <summary>The server's one-byte answer to the IMEI login.</summary>
    public const byte LoginAccepted = 0x01;

    public const byte LoginRefused = 0x00;

    /// <summary>Largest IMEI login the framer waits for; longer is not a Teltonika stream.</summary>
    public const int MaxLoginLength = 64;

    /// <summary>Longest IMEI accepted (15 digits normally; some devices send fewer or a few more).</summary>
    public const int MaxImeiDigits = 20;

    /// <summary>Preamble (4) and data length (4): the data length counts the bytes after them, up to the CRC.</summary>
    internal const int AvlHeaderLength = 8;

    /// <summary>An AVL packet is its data length plus the header and the 4-byte CRC field.</summary>
    internal const int AvlOverhead = AvlHeaderLength + 4;

    // Codec id and the two record counts: the least data a packet can carry.
    private const int MinDataLength = 3;

    private readonly SessionOptions _options;
    private readonly TeltonikaDriverIdCache _driverIds = new();

    // Whether this device's records carry the optional 16-byte IO group: learnt from the first packet
    // that only decodes one way, so that later packets decode in one pass.
    private bool _sixteenByteGroup;

    public TeltonikaSession(SessionOptions options)
    {
        _options = options;
    }

    public string? DeviceId { get; private set; }

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out long skippedBytes)
    {
        // Teltonika has no start marker to resynchronise on: nothing is ever skipped.
        skippedBytes = 0;
        frame = default;
        if (buffer.IsEmpty)
        {
            return false;
        }

        Span<byte> copy = stackalloc byte[AvlHeaderLength];
        var head = Peek(buffer, copy);
        long frameLength;
        if (head[0] == KeepAlive)
        {
            frameLength = 1;
        }
        else if (head.Length < 2)
        {
            return false;
        }
        else if (BinaryPrimitives.ReadUInt16BigEndian(head) is var loginLength and not 0)
        {
            // IMEI login: 2-byte length, then the digits.
            if (loginLength > MaxLoginLength)
            {
                FrameException.Throw(TeltonikaReasons.LoginLengthOutOfRange);
            }

            frameLength = 2 + loginLength;
        }
        else
        {
            // AVL packet: four zero bytes, 4-byte data length.
            if ((head.Length > 2 && head[2] != 0) || (head.Length > 3 && head[3] != 0))
            {
                FrameException.Throw(TeltonikaReasons.BadPreamble);
            }

            if (head.Length < AvlHeaderLength)
            {
                return false;
            }

            var dataLength = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
            if (dataLength > (uint)_options.MaxFrameBytes)
            {
                FrameException.Throw(TeltonikaReasons.DataLengthOverLimit);
            }

            frameLength = dataLength + AvlOverhead;
        }

        if (buffer.Length < frameLength)
        {
            return false;
        }

        frame = buffer.Slice(0, frameLength);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    public DecodeResult Decode(in ReadOnlySequence<byte> frame, RecordBatch records, IBufferWriter<byte> reply)
    {
        if (frame.IsEmpty)
        {
            return DecodeResult.Reject(TeltonikaReasons.UnknownFrame);
        }

        Span<byte> copy = stackalloc byte[AvlHeaderLength + 2];
        var head = Peek(frame, copy);
        if (frame.Length == 1)
        {
            return head[0] == KeepAlive ? DecodeResult.Accepted : DecodeResult.Reject(TeltonikaReasons.UnknownFrame);
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(head) != 0)
        {
            return DecodeLogin(frame, reply);
        }

        if (_options.RequireLogin && DeviceId is null)
        {
            return DecodeResult.Close(TeltonikaReasons.DataBeforeLogin);
        }

        if (head.Length < AvlHeaderLength + 2 || frame.Length < AvlOverhead + MinDataLength)
        {
            return DecodeResult.Reject(TeltonikaReasons.DataTooShort);
        }

        if (head[2] != 0 || head[3] != 0)
        {
            return DecodeResult.Reject(TeltonikaReasons.BadPreamble);
        }

        var dataLength = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
        if (dataLength + (long)AvlOverhead != frame.Length)
        {
            return DecodeResult.Reject(TeltonikaReasons.DataLengthMismatch);
        }

        var codec = (TeltonikaCodecId)head[AvlHeaderLength];
        var count = head[AvlHeaderLength + 1];
        var n = (int)dataLength;
        if (frame.IsSingleSegment)
        {
            var span = frame.FirstSpan;
            var tail = span[(AvlHeaderLength + n - 1)..];
            if (BinaryPrimitives.ReadUInt32BigEndian(tail[1..]) != TeltonikaCrc.Compute(span.Slice(AvlHeaderLength, n)))
            {
                return DecodeResult.Reject(TeltonikaReasons.CrcMismatch);
            }

            var reader = new TeltonikaSpanReader(span.Slice(AvlHeaderLength + 2, n - MinDataLength));
            return DecodeRecords(ref reader, codec, count, tail[0], records, reply);
        }
        else
        {
            // A frame that straddles segments is copied once into a pooled buffer (a frame is at
            // most MaxFrameBytes): decoding from one span is twice as fast as a SequenceReader.
            var length = (int)frame.Length;
            var pooled = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                frame.CopyTo(pooled);
                var span = pooled.AsSpan(0, length);
                var tail = span[(AvlHeaderLength + n - 1)..];
                if (BinaryPrimitives.ReadUInt32BigEndian(tail[1..]) != TeltonikaCrc.Compute(span.Slice(AvlHeaderLength, n)))
                {
                    return DecodeResult.Reject(TeltonikaReasons.CrcMismatch);
                }

                var reader = new TeltonikaSpanReader(span.Slice(AvlHeaderLength + 2, n - MinDataLength));
                return DecodeRecords(ref reader, codec, count, tail[0], records, reply);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }
    }

    private DecodeResult DecodeRecords<TReader>(
        ref TReader reader, TeltonikaCodecId codec, byte count, byte count2, RecordBatch records, IBufferWriter<byte> reply)
        where TReader : ITeltonikaReader, allows ref struct
    {
        if (count != count2)
        {
            return DecodeResult.Reject(TeltonikaReasons.RecordCountsDiffer);
        }

        switch (codec)
        {
            case TeltonikaCodecId.Codec8:
            case TeltonikaCodecId.Codec8Extended:
            case TeltonikaCodecId.Codec16:
                break;
            case TeltonikaCodecId.Codec12:
            case TeltonikaCodecId.Codec13:
                // A device's answer to a GPRS command: no records, and the device expects no count ack.
                return DecodeResult.Accepted;
            default:
                return DecodeResult.Reject(TeltonikaReasons.UnsupportedCodec);
        }

        var before = records.Count;
        var attempt = reader;
        var reason = TeltonikaRecordDecoder.Decode(ref attempt, codec, count, _sixteenByteGroup, records, _driverIds);
        if (reason is not null)
        {
            records.Truncate(before);
            if (!TryOtherLayout(ref reader, codec, count, records))
            {
                records.Truncate(before);
                return DecodeResult.Reject(reason);
            }
        }

        // The ack is the number of records accepted, 4 bytes big-endian.
        BinaryPrimitives.WriteUInt32BigEndian(reply.GetSpan(sizeof(uint)), count);
        reply.Advance(sizeof(uint));
        return DecodeResult.Accepted;
    }

    /// <summary>The records did not fill the packet: try them with (or without) the 16-byte group, and keep the layout that fits.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryOtherLayout<TReader>(ref TReader reader, TeltonikaCodecId codec, byte count, RecordBatch records)
        where TReader : ITeltonikaReader, allows ref struct
    {
        if (TeltonikaRecordDecoder.Decode(ref reader, codec, count, !_sixteenByteGroup, records, _driverIds) is not null)
        {
            return false;
        }

        _sixteenByteGroup = !_sixteenByteGroup;
        return true;
    }

    /// <summary>Once per connection: cold, out of line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DecodeResult DecodeLogin(in ReadOnlySequence<byte> frame, IBufferWriter<byte> reply)
    {
        Span<byte> copy = stackalloc byte[2 + MaxLoginLength];
        if (frame.Length > copy.Length)
        {
            return Refuse(reply, TeltonikaReasons.LoginLengthOutOfRange);
        }

        frame.CopyTo(copy);
        var length = BinaryPrimitives.ReadUInt16BigEndian(copy);
        var imei = copy[2..(int)frame.Length];
        if (length != imei.Length)
        {
            return Refuse(reply, TeltonikaReasons.LoginLengthOutOfRange);
        }

        if (imei.Length > MaxImeiDigits)
        {
            return Refuse(reply, TeltonikaReasons.ImeiLengthOutOfRange);
        }

        foreach (var b in imei)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return Refuse(reply, TeltonikaReasons.ImeiNotDigits);
            }
        }

        if (DeviceId is not null)
        {
            // A repeated login is answered again, but a connection speaks for one device only.
            if (!Ascii.Equals(imei, DeviceId))
            {
                return Refuse(reply, TeltonikaReasons.ImeiChanged);
            }

            WriteByte(reply, LoginAccepted);
            return DecodeResult.Accepted;
        }

        var id = Encoding.ASCII.GetString(imei);
        if (!_options.Gate.Admit(id))
        {
            return Refuse(reply, TeltonikaReasons.DeviceRefused);
        }

        DeviceId = id;
        WriteByte(reply, LoginAccepted);
        return DecodeResult.Accepted;
    }

    private static DecodeResult Refuse(IBufferWriter<byte> reply, string reason)
    {
        WriteByte(reply, LoginRefused);
        return DecodeResult.Close(reason);
    }

    private static void WriteByte(IBufferWriter<byte> reply, byte value)
    {
        reply.GetSpan(1)[0] = value;
        reply.Advance(1);
    }

    /// <summary>The first bytes of <paramref name="buffer"/> (as many as <paramref name="copy"/> holds), copied only when they straddle segments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Peek(in ReadOnlySequence<byte> buffer, Span<byte> copy)
    {
        var first = buffer.FirstSpan;
        if (first.Length >= copy.Length)
        {
            return first[..copy.Length];
        }

        if (buffer.IsSingleSegment)
        {
            return first;
        }

        var length = (int)Math.Min(copy.Length, buffer.Length);
        buffer.Slice(0, length).CopyTo(copy);
        return copy[..length];
    }
}
