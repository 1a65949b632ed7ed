using System.Buffers;
using System.Net;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;

namespace Telematics.Devices.Links;

/// <summary>A Concox GT06 device: login, then one 0x22 location frame per record, each answered with its serial.</summary>
public sealed class Gt06Link(string imei, EndPoint server) : TcpDeviceLink(imei, server)
{
    private ushort _serial;

    public override string Protocol => "gt06";

    public override async Task SendAsync(IReadOnlyList<DecodedRecord> records, bool buffered, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            var r = record;
            r.Archived = buffered;
            var serial = ++_serial;
            Gt06Encoder.WriteLocation(Output, r, serial);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            await ExpectReplyAsync(Gt06MessageType.GpsLbs2, serial, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task LoginAsync(CancellationToken cancellationToken)
    {
        var serial = ++_serial;
        Gt06Encoder.WriteLogin(Output, DeviceId, serial);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await ExpectReplyAsync(Gt06MessageType.Login, serial, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExpectReplyAsync(byte protocolNumber, ushort serial, CancellationToken cancellationToken)
    {
        var (number, echoed) = await ReadReplyAsync<(byte, ushort)>(TryRead, "the reply", cancellationToken).ConfigureAwait(false);
        if (number != protocolNumber || echoed != serial)
        {
            throw Mismatch($"expected a reply to 0x{protocolNumber:X2} serial {serial}, got 0x{number:X2} serial {echoed}");
        }
    }

    private static bool TryRead(ref ReadOnlySequence<byte> buffer, out (byte Number, ushort Serial) reply)
    {
        var found = Gt06ReplyReader.TryReadReply(ref buffer, out var number, out var serial);
        reply = (number, serial);
        return found;
    }
}
