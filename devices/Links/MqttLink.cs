using System.Buffers;
using System.Net;
using System.Text.Json;
using Telematics.Ingest.Mqtt.Client;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Ingest.Mqtt.Payloads;
using Telematics.Ingest.Protocols;
using Telematics.Rules.Positions;

namespace Telematics.Devices.Links;

/// <summary>
/// A device that speaks MQTT 5.0 to the built-in endpoint: client id = device id, records as
/// normalised JSON arrays on <c>telematics/{deviceId}/position</c> with QoS 1, each PUBACK checked
/// (packet id and reason code Success).
/// </summary>
public sealed class MqttLink(string deviceId, EndPoint server) : IDeviceLink
{
    /// <summary>Records per PUBLISH.</summary>
    public const int MaxRecordsPerMessage = 100;

    private readonly string _topic = MqttTopicLayout.PositionTopic(deviceId);
    private readonly ArrayBufferWriter<byte> _payload = new(4096);
    private MqttClientConnection? _client;
    private ushort _packetId;

    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string Protocol => "mqtt";

    public string DeviceId { get; } = deviceId;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var (host, port) = server switch
        {
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            DnsEndPoint dns => (dns.Host, dns.Port),
            _ => throw new ArgumentException("an IP or DNS end point is needed", nameof(server)),
        };
        try
        {
            _client = await MqttClientConnection.ConnectAsync(host, port, new MqttConnect { ClientId = DeviceId, KeepAliveSeconds = 60 }, timeout: AckTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MqttClientException ex)
        {
            throw new DeviceLinkException($"mqtt device {DeviceId}: {ex.Message}");
        }
    }

    public async Task SendAsync(IReadOnlyList<DecodedRecord> records, bool buffered, CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("not connected");
        for (var start = 0; start < records.Count; start += MaxRecordsPerMessage)
        {
            var count = Math.Min(MaxRecordsPerMessage, records.Count - start);
            Encode(records, start, count, buffered);
            var id = NextPacketId();
            await client.SendAsync(w => MqttPacketWriter.WritePublish(w, client.Version, _topic, _payload.WrittenSpan, MqttQos.AtLeastOnce, id), cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(AckTimeout);
            MqttReceivedPacket? reply;
            try
            {
                reply = await client.ReadPacketAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DeviceLinkException($"mqtt device {DeviceId}: no PUBACK within {AckTimeout.TotalSeconds:F0} s");
            }

            if (reply is null)
            {
                throw new DeviceLinkException($"mqtt device {DeviceId}: the server closed the connection while the device waited for PUBACK");
            }

            if (reply.Type != MqttPacketType.PubAck)
            {
                throw new DeviceLinkException($"mqtt device {DeviceId}: expected PUBACK, got {reply.Type}");
            }

            var ack = MqttPacketParser.ParsePublishAck(reply.Frame, client.Version);
            if (ack.PacketId != id || ack.ReasonCode != MqttReasonCode.Success)
            {
                throw new DeviceLinkException($"mqtt device {DeviceId}: PUBACK {ack.PacketId} {ack.ReasonCode} for packet {id}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
            await _client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Encode(IReadOnlyList<DecodedRecord> records, int start, int count, bool buffered)
    {
        _payload.ResetWrittenCount();
        using var json = new Utf8JsonWriter(_payload);
        json.WriteStartArray();
        for (var i = start; i < start + count; i++)
        {
            var r = records[i];
            r.Archived |= buffered;
            PositionRecordJson.Write(json, r.ToPositionRecord(DeviceId, []));
        }

        json.WriteEndArray();
    }

    private ushort NextPacketId()
    {
        _packetId = (ushort)(_packetId == ushort.MaxValue ? 1 : _packetId + 1);
        return _packetId;
    }
}
