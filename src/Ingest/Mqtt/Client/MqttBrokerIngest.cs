using System.Buffers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Ingest.Mqtt.Payloads;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Registry;

namespace Telematics.Ingest.Mqtt.Client;

/// <summary>
/// Broker mode: the worker subscribes to an external broker (persistent session, QoS 1, optionally
/// a <c>$share/{group}/</c> subscription so that several workers split the load) and puts what it
/// receives into the pipeline. A message is PUBACKed only once its records are in the pipeline,
/// so what the worker has not taken stays with the broker across crashes and restarts.
/// Reconnects with exponential backoff and jitter.
/// </summary>
public sealed partial class MqttBrokerIngest : BackgroundService, IMqttPublishHandler
{
    public const string ProtocolName = "mqtt-broker";
    private const ushort SubscribePacketId = 1;

    private readonly MqttBrokerOptions _options;
    private readonly IngestPipeline _pipeline;
    private readonly DeviceRegistry _registry;
    private readonly IngestMetrics _metrics;
    private readonly MqttDeadLetterFile _deadLetters;
    private readonly ILogger<MqttBrokerIngest> _logger;
    private readonly RecordBatch _records = new();
    private readonly MqttPayloadDecoder _decoder = new();
    private long _received;

    public MqttBrokerIngest(
        IOptions<MqttOptions> options, IngestPipeline pipeline, DeviceRegistry registry, IngestMetrics metrics,
        MqttDeadLetterFile deadLetters, ILogger<MqttBrokerIngest> logger)
    {
        _options = options.Value.Broker;
        _pipeline = pipeline;
        _registry = registry;
        _metrics = metrics;
        _deadLetters = deadLetters;
        _logger = logger;
    }

    /// <summary>True while subscribed to the broker.</summary>
    public bool Connected { get; private set; }

    /// <summary>Messages received from the broker (good or refused).</summary>
    public long Received => Interlocked.Read(ref _received);

    public async ValueTask<MqttReasonCode> OnPublishAsync(MqttPublish publish, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _received);
        var topicBytes = publish.Topic.IsSingleSegment ? publish.Topic.FirstSpan.ToArray() : publish.Topic.ToArray();
        var kind = MqttTopicLayout.Route(topicBytes, out var range);
        string? deviceId = null;
        string? reason = null;
        var code = MqttReasonCode.PayloadFormatInvalid;
        if (kind is MqttPayloadKind.Unknown or MqttPayloadKind.Commands)
        {
            reason = MqttPayloadReasons.UnknownTopic;
            code = MqttReasonCode.TopicNameInvalid;
        }
        else
        {
            deviceId = Encoding.UTF8.GetString(topicBytes.AsSpan(range));
            if (deviceId.Length == 0)
            {
                reason = MqttPayloadReasons.EmptyDeviceId;
            }
            else if (!_registry.Admit(deviceId))
            {
                reason = MqttPayloadReasons.DeviceRefused;
                code = MqttReasonCode.NotAuthorized;
            }
            else
            {
                _records.Clear();
                reason = _decoder.Decode(kind, publish.Payload, deviceId, _records);
            }
        }

        if (reason is not null)
        {
            var topic = Encoding.UTF8.GetString(topicBytes);
            _metrics.BadFrame(ProtocolName, reason);
            LogBadPayload(deviceId, topic, reason);
            _deadLetters.Append("broker", deviceId, _options.ClientId, topic, reason, publish.Payload);
            return code;
        }

        for (var i = 0; i < _records.Count; i++)
        {
            await _pipeline.EnqueueAsync(_records.ToPositionRecord(i, deviceId!), cancellationToken).ConfigureAwait(false);
        }

        _metrics.FrameDecoded(ProtocolName, _records.Count);
        return MqttReasonCode.Success;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var delay = _options.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await MqttClientConnection.ConnectAsync(
                    _options.Host, _options.Port, CreateConnect(), _options.MaxPacketSize, cancellationToken: stoppingToken).ConfigureAwait(false);
                LogConnected(_options.Host, _options.Port, _options.ClientId, connection.ConnAck.SessionPresent);
                delay = _options.ReconnectDelay;
                var subscribe = CreateSubscribe();
                await connection.SendAsync(w => MqttPacketWriter.WriteSubscribe(w, connection.Version, subscribe), stoppingToken).ConfigureAwait(false);
                try
                {
                    await connection.RunAsync(this, packet => OnOther(packet, connection.Version), stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: a normal DISCONNECT keeps the persistent session (and the messages not acked) at the broker.
                    await connection.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is MqttClientException or MqttProtocolException or IOException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                Connected = false;
                var wait = Jitter(delay);
                LogReconnecting(_options.Host, _options.Port, ex.Message, wait.TotalMilliseconds);
                try
                {
                    await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
            finally
            {
                Connected = false;
            }
        }
    }

    private void OnOther(MqttReceivedPacket packet, MqttProtocolVersion version)
    {
        if (packet.Type != MqttPacketType.SubAck)
        {
            return;
        }

        var subAck = MqttPacketParser.ParseSubAck(packet.Frame, version);
        var refused = subAck.ReasonCodes.Count(c => c >= MqttReasonCode.UnspecifiedError);
        if (refused > 0)
        {
            LogSubscribeRefused(refused, string.Join(", ", subAck.ReasonCodes));
        }

        Connected = true;
        LogSubscribed(string.Join(", ", Filters()));
    }

    private MqttConnect CreateConnect()
    {
        var version = _options.ProtocolLevel == 4 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500;
        var properties = new MqttProperties();
        if (version == MqttProtocolVersion.V500)
        {
            properties.SessionExpiryInterval = _options.SessionExpirySeconds;
            properties.ReceiveMaximum = _options.ReceiveMaximum;
            properties.MaximumPacketSize = (uint)_options.MaxPacketSize;
        }

        return new MqttConnect
        {
            ProtocolVersion = version,
            ClientId = _options.ClientId,
            CleanStart = false,
            KeepAliveSeconds = _options.KeepAliveSeconds,
            UserName = string.IsNullOrEmpty(_options.Username) ? null : _options.Username,
            Password = string.IsNullOrEmpty(_options.Password) ? null : Encoding.UTF8.GetBytes(_options.Password),
            Properties = properties,
        };
    }

    private MqttSubscribe CreateSubscribe() => new()
    {
        PacketId = SubscribePacketId,
        Subscriptions = Filters().Select(f => new MqttSubscription(f, MqttQos.AtLeastOnce)).ToList(),
    };

    private IEnumerable<string> Filters() => _options.Topics.Select(t =>
        string.IsNullOrEmpty(_options.SharedGroup) ? t : $"{MqttTopic.SharePrefix}{_options.SharedGroup}/{t}");

    private static TimeSpan Jitter(TimeSpan delay) => TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + (Random.Shared.NextDouble() / 2))));

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker mode: connected to {Host}:{Port} as {ClientId} (session present {Present})")]
    private partial void LogConnected(string host, int port, string clientId, bool present);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker mode: subscribed to {Filters}")]
    private partial void LogSubscribed(string filters);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker mode: the broker refused {Count} subscriptions ({Codes}); check the broker's ACL and $share support")]
    private partial void LogSubscribeRefused(int count, string codes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker mode: {Host}:{Port}: {Reason}; reconnecting in {DelayMs:F0} ms")]
    private partial void LogReconnecting(string host, int port, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker mode: payload of device {DeviceId} on {Topic} refused and dead-lettered: {Reason}")]
    private partial void LogBadPayload(string? deviceId, string topic, string reason);
}
