using System.Buffers;
using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>
/// Turns a payload into records by the kind its topic routed to. One per connection (endpoint)
/// or per device (broker mode), because the Teltonika decoder keeps a little state; not thread-safe.
/// </summary>
public sealed class MqttPayloadDecoder
{
    private TeltonikaPayload? _teltonika;

    /// <summary>Appends the payload's records; returns null, or why the payload was refused (nothing appended).</summary>
    public string? Decode(MqttPayloadKind kind, in ReadOnlySequence<byte> payload, string deviceId, RecordBatch records) => kind switch
    {
        MqttPayloadKind.Json => JsonPositionPayload.Decode(payload, deviceId, records),
        MqttPayloadKind.OwnTracks => OwnTracksPayload.Decode(payload, records),
        MqttPayloadKind.Teltonika => (_teltonika ??= new TeltonikaPayload()).Decode(payload, records),
        MqttPayloadKind.Commands => MqttPayloadReasons.CommandTopic,
        _ => MqttPayloadReasons.UnknownTopic,
    };
}
