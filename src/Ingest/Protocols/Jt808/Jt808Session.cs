using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// One JT808 connection. Every header carries the terminal number, so the device is identified
/// (and the gate asked) on its first frame, whatever the message: devices often reconnect
/// straight into location reports without authenticating again. Not thread-safe.
/// </summary>
internal sealed class Jt808Session : IProtocolSession
{
    /// <summary>The auth code is the device id: at most 20 digits.</summary>
    public const int MaxAuthCodeLength = 20;

    public const string ChecksumMismatch = "checksum mismatch";
    public const string HeaderTooShort = "frame shorter than a JT808 header";
    public const string BodyLengthMismatch = "body length does not match the header";
    public const string DeviceRefused = "device refused";
    public const string TerminalChanged = "terminal number changed on the connection";
    public const string AuthenticationMalformed = "authentication body malformed";
    public const string BatchMalformed = "batch body malformed";

    /// <summary>The standard's zone: Beijing time.</summary>
    private static readonly TimeSpan DefaultUtcOffset = TimeSpan.FromHours(8);

    private readonly SessionOptions _options;

    // Unescaped content of the frame being decoded. Decode is synchronous and never keeps it, so
    // one buffer per thread serves every session: an idle connection holds none.
    [ThreadStatic]
    private static byte[]? t_scratch;

    // The admitted terminal number as sent, so that later frames are matched without allocating.
    private readonly byte[] _terminal = new byte[10];
    private int _terminalLength;
    private byte[] _authCode = [];
    private long _utcOffsetMs;
    private ushort _serial;

    public Jt808Session(SessionOptions options)
    {
        _options = options;
    }

    public string? DeviceId { get; private set; }

    public bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out long skippedBytes) =>
        Jt808Framing.TryReadFrame(ref buffer, out frame, out skippedBytes, _options.MaxFrameBytes);

    public DecodeResult Decode(in ReadOnlySequence<byte> frame, RecordBatch records, IBufferWriter<byte> reply)
    {
        var scratch = t_scratch ??= new byte[Jt808Framing.MaxContentLength];
        if (Jt808Framing.Unescape(frame, scratch, out var length) is { } framingError)
        {
            return DecodeResult.Reject(framingError);
        }

        if (length < Jt808Header.Length2013 + 1)
        {
            return DecodeResult.Reject(HeaderTooShort);
        }

        var message = scratch.AsSpan(0, length - 1);
        if (Jt808Framing.Xor(message) != scratch[length - 1])
        {
            return DecodeResult.Reject(ChecksumMismatch);
        }

        if (!Jt808Header.TryParse(message, out var header))
        {
            return DecodeResult.Reject(HeaderTooShort);
        }

        if (header.BodyLength != message.Length - header.Length)
        {
            return DecodeResult.Reject(BodyLengthMismatch);
        }

        var terminal = message.Slice(header.TerminalOffset, header.TerminalLength);
        if (!terminal.SequenceEqual(_terminal.AsSpan(0, _terminalLength)) && Identify(header, terminal, reply) is { } refused)
        {
            return refused;
        }

        var body = message[header.Length..];
        if (header.MessageId == Jt808MessageId.TerminalGeneralResponse)
        {
            return DecodeResult.Accepted;
        }

        if (header.IsEncrypted || header.IsSubPackaged)
        {
            // Positions are never sub-packaged in practice (a body holds 1023 bytes); no encryption key is configured.
            return Respond(reply, header, terminal, Jt808Result.Unsupported);
        }

        switch (header.MessageId)
        {
            case Jt808MessageId.LocationReport:
                return DecodeLocation(body, records, reply, header, terminal);
            case Jt808MessageId.LocationBatch:
                return DecodeBatch(body, records, reply, header, terminal);
            case Jt808MessageId.Heartbeat:
            case Jt808MessageId.Logout:
                return Respond(reply, header, terminal, Jt808Result.Ok);
            case Jt808MessageId.Registration:
                // The body (province, city, maker, model, terminal id, plate) is not needed: the header identifies the device.
                Jt808PlatformReplies.WriteRegistrationResponse(reply, header, terminal, NextSerial(), Jt808RegistrationResult.Ok, _authCode);
                return DecodeResult.Accepted;
            case Jt808MessageId.Authentication:
                return Authenticate(body, reply, header, terminal);
            default:
                return Respond(reply, header, terminal, Jt808Result.Unsupported);
        }
    }

    private DecodeResult DecodeLocation(
        ReadOnlySpan<byte> body, RecordBatch records, IBufferWriter<byte> reply, in Jt808Header header, ReadOnlySpan<byte> terminal)
    {
        var before = records.Count;
        if (Jt808LocationReader.Read(body, records, _utcOffsetMs, archived: false) is { } reason)
        {
            records.Truncate(before);
            return DecodeResult.Reject(reason);
        }

        return Respond(reply, header, terminal, Jt808Result.Ok);
    }

    /// <summary>0x0704: count (u16), type (0 normal, 1 blind-area re-upload), then per item a u16 length and a location body.</summary>
    private DecodeResult DecodeBatch(
        ReadOnlySpan<byte> body, RecordBatch records, IBufferWriter<byte> reply, in Jt808Header header, ReadOnlySpan<byte> terminal)
    {
        if (body.Length < 3)
        {
            return DecodeResult.Reject(BatchMalformed);
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(body);
        var archived = body[2] == 1;
        var items = body[3..];
        var before = records.Count;
        for (var i = 0; i < count; i++)
        {
            if (items.Length < 2 || BinaryPrimitives.ReadUInt16BigEndian(items) > items.Length - 2)
            {
                return RejectBatch(records, before, BatchMalformed);
            }

            var itemLength = BinaryPrimitives.ReadUInt16BigEndian(items);
            if (Jt808LocationReader.Read(items.Slice(2, itemLength), records, _utcOffsetMs, archived) is { } reason)
            {
                return RejectBatch(records, before, reason);
            }

            items = items[(2 + itemLength)..];
        }

        return items.IsEmpty ? Respond(reply, header, terminal, Jt808Result.Ok) : RejectBatch(records, before, BatchMalformed);
    }

    /// <summary>0x0102. 2013: the body is the code. 2019: code length, code, IMEI (15), software version (20).</summary>
    private DecodeResult Authenticate(ReadOnlySpan<byte> body, IBufferWriter<byte> reply, in Jt808Header header, ReadOnlySpan<byte> terminal)
    {
        var code = body;
        if (header.Is2019)
        {
            if (body.IsEmpty || body[0] > body.Length - 1)
            {
                return DecodeResult.Reject(AuthenticationMalformed);
            }

            code = body.Slice(1, body[0]);
        }

        return Respond(reply, header, terminal, code.SequenceEqual(_authCode) ? Jt808Result.Ok : Jt808Result.Failed);
    }

    private DecodeResult Respond(IBufferWriter<byte> reply, in Jt808Header header, ReadOnlySpan<byte> terminal, Jt808Result result)
    {
        Jt808PlatformReplies.WriteGeneralResponse(reply, header, terminal, NextSerial(), result);
        return DecodeResult.Accepted;
    }

    /// <summary>
    /// A terminal number not seen on this connection: ask the gate. The server (RequireLogin) holds one
    /// device per connection; the decode command may replay frames of several devices through one session.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DecodeResult? Identify(in Jt808Header header, ReadOnlySpan<byte> terminal, IBufferWriter<byte> reply)
    {
        if (DeviceId is not null && _options.RequireLogin)
        {
            return DecodeResult.Close(TerminalChanged);
        }

        var id = Jt808TerminalNumber.ToDeviceId(terminal);
        if (!_options.Gate.Admit(id))
        {
            if (header.MessageId == Jt808MessageId.Registration)
            {
                Jt808PlatformReplies.WriteRegistrationResponse(
                    reply, header, terminal, NextSerial(), Jt808RegistrationResult.TerminalNotInDatabase, default);
            }

            return DecodeResult.Close(DeviceRefused);
        }

        DeviceId = id;
        terminal.CopyTo(_terminal);
        _terminalLength = terminal.Length;
        _authCode = Encoding.ASCII.GetBytes(id);
        _utcOffsetMs = (long)(_options.Gate.UtcOffset(id) ?? DefaultUtcOffset).TotalMilliseconds;
        return null;
    }

    private static DecodeResult RejectBatch(RecordBatch records, int before, string reason)
    {
        records.Truncate(before);
        return DecodeResult.Reject(reason);
    }

    private ushort NextSerial() => unchecked(_serial++);
}
