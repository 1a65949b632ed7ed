using System.Buffers;
using System.Net;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;

namespace Telematics.Devices.Links;

/// <summary>A Teltonika device: IMEI login, then Codec 8 Extended AVL packets acked with their record count.</summary>
public sealed class TeltonikaLink(string imei, EndPoint server) : TcpDeviceLink(imei, server)
{
    private readonly RecordBatch _batch = new();

    public override string Protocol => "teltonika";

    public override async Task SendAsync(IReadOnlyList<DecodedRecord> records, bool buffered, CancellationToken cancellationToken)
    {
        for (var start = 0; start < records.Count; start += TeltonikaEncoder.MaxRecordsPerPacket)
        {
            var count = Math.Min(TeltonikaEncoder.MaxRecordsPerPacket, records.Count - start);
            _batch.Clear();
            for (var i = start; i < start + count; i++)
            {
                _batch.Add() = records[i];
            }

            TeltonikaEncoder.WriteAvlPacket(Output, TeltonikaCodecId.Codec8Extended, _batch);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            var acked = await ReadReplyAsync<int>(TeltonikaReplyReader.TryReadAck, "the record-count ack", cancellationToken).ConfigureAwait(false);
            if (acked != count)
            {
                throw Mismatch($"sent {count} records, the server acked {acked}");
            }
        }
    }

    protected override async Task LoginAsync(CancellationToken cancellationToken)
    {
        TeltonikaEncoder.WriteLogin(Output, DeviceId);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var accepted = await ReadReplyAsync<bool>(TeltonikaReplyReader.TryReadLoginReply, "the login reply", cancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            throw Mismatch("login refused (00)");
        }
    }
}
