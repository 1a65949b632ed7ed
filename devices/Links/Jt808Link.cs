using System.Buffers;
using System.Net;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;

namespace Telematics.Devices.Links;

/// <summary>
/// A JT/T 808 (2013) terminal: registration (0x0100 → 0x8100 with an auth code), authentication
/// (0x0102), then 0x0200 location reports, or 0x0704 batches for buffered data, each answered by
/// 0x8001 with the terminal's serial.
/// </summary>
public sealed class Jt808Link(string terminalNumber, EndPoint server) : TcpDeviceLink(terminalNumber.TrimStart('0'), server)
{
    // A batch item is a 28-byte basic part plus a few additional items; keep the body under 1023 bytes.
    private const int MaxBatch = 20;

    private Jt808FrameHeader _header = new(terminalNumber, 0);

    public override string Protocol => "jt808";

    public override async Task SendAsync(IReadOnlyList<DecodedRecord> records, bool buffered, CancellationToken cancellationToken)
    {
        if (records.Count == 1 && !buffered)
        {
            _header = _header.Next();
            Jt808Encoder.WriteLocation(Output, _header, records[0]);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            await ExpectGeneralResponseAsync(Jt808MessageId.LocationReport, cancellationToken).ConfigureAwait(false);
            return;
        }

        var all = records.ToArray();
        for (var start = 0; start < all.Length; start += MaxBatch)
        {
            _header = _header.Next();
            Jt808Encoder.WriteLocationBatch(Output, _header, all.AsSpan(start, Math.Min(MaxBatch, all.Length - start)), blindArea: buffered);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            await ExpectGeneralResponseAsync(Jt808MessageId.LocationBatch, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task LoginAsync(CancellationToken cancellationToken)
    {
        _header = _header.Next();
        Jt808Encoder.WriteRegistration(Output, _header);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var registration = await ReadReplyAsync<Jt808Reply>(TryRead, "the registration response", cancellationToken).ConfigureAwait(false);
        if (!registration.IsRegistrationResponse || registration.ReplySerial != _header.Serial || registration.Result != 0 || registration.AuthCode is null)
        {
            throw Mismatch($"registration refused or answered wrongly (result {registration.Result})");
        }

        _header = _header.Next();
        Jt808Encoder.WriteAuthentication(Output, _header, registration.AuthCode);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await ExpectGeneralResponseAsync(Jt808MessageId.Authentication, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExpectGeneralResponseAsync(ushort messageId, CancellationToken cancellationToken)
    {
        var reply = await ReadReplyAsync<Jt808Reply>(TryRead, "the general response", cancellationToken).ConfigureAwait(false);
        if (!reply.IsGeneralResponse || reply.ReplySerial != _header.Serial || reply.ReplyMessageId != messageId || reply.Result != 0)
        {
            throw Mismatch($"expected 0x8001 ok for 0x{messageId:X4} serial {_header.Serial}, got 0x{reply.MessageId:X4} for 0x{reply.ReplyMessageId:X4} serial {reply.ReplySerial} result {reply.Result}");
        }
    }

    private static bool TryRead(ref ReadOnlySequence<byte> buffer, out Jt808Reply reply)
    {
        reply = default;
        if (!Jt808ReplyReader.TryReadFrame(ref buffer, out var frame))
        {
            return false;
        }

        return Jt808ReplyReader.TryParse(frame, out reply) ? true : throw new DeviceLinkException("jt808: a reply with a bad checksum");
    }
}
