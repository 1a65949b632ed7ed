using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;

namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>
/// Teltonika AVL data over MQTT, decoded by the TCP codec's record decoder. Two forms are taken:
/// the whole TCP AVL packet (four zero bytes, data length, data, CRC-16 — what FMB devices send
/// in their MQTT mode) or the bare data field (codec id, record count, records, record count).
/// One per connection or device (it remembers the last driver id); not thread-safe.
/// </summary>
public sealed class TeltonikaPayload
{
    private readonly TeltonikaDriverIdCache _driverIds = new();
    private readonly TeltonikaSession _packets = new(new Protocols.SessionOptions { RequireLogin = false, MaxFrameBytes = int.MaxValue });
    private readonly ArrayBufferWriter<byte> _ignoredReply = new(16);

    public string? Decode(in ReadOnlySequence<byte> payload, RecordBatch records)
    {
        if (payload.Length < 3)
        {
            return MqttPayloadReasons.TeltonikaTooShort;
        }

        var first = payload.FirstSpan[0];
        if (first == 0)
        {
            // The TCP packet, CRC and all: the session's own decoder checks it.
            _ignoredReply.ResetWrittenCount();
            var result = _packets.Decode(payload, records, _ignoredReply);
            return result.Status == DecodeStatus.Accepted ? null : result.Reason;
        }

        var codec = (TeltonikaCodecId)first;
        if (codec is not (TeltonikaCodecId.Codec8 or TeltonikaCodecId.Codec8Extended or TeltonikaCodecId.Codec16))
        {
            return MqttPayloadReasons.TeltonikaCodec;
        }

        Span<byte> head = stackalloc byte[2];
        payload.Slice(0, 2).CopyTo(head);
        Span<byte> tail = stackalloc byte[1];
        payload.Slice(payload.Length - 1).CopyTo(tail);
        if (head[1] != tail[0])
        {
            return MqttPayloadReasons.TeltonikaCounts;
        }

        var before = records.Count;
        var reader = new TeltonikaSequenceReader(payload.Slice(2, payload.Length - 3));
        var reason = TeltonikaRecordDecoder.Decode(ref reader, codec, head[1], sixteenByteGroup: false, records, _driverIds);
        if (reason is not null)
        {
            records.Truncate(before);
            return MqttPayloadReasons.TeltonikaRecords;
        }

        return null;
    }
}
