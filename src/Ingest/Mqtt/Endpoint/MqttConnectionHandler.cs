using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Ingest.Mqtt.Payloads;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Transport;

namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>
/// The built-in MQTT endpoint's read loop, hosted by Kestrel like the device listeners. The first
/// packet must be CONNECT (identity, password, registry); then PUBLISH payloads are decoded by
/// topic, put into the pipeline, and only then acknowledged (PUBACK / PUBREC), the acks of one read
/// written together. A packet that breaks the protocol closes the connection, with a DISCONNECT
/// carrying the 5.0 reason code; a bad payload is counted, logged, dead-lettered and acked.
/// </summary>
public sealed partial class MqttConnectionHandler : ConnectionHandler
{
    public const string ProtocolName = "mqtt";

    private readonly MqttEndpoint _endpoint;
    private readonly IngestPipeline _pipeline;
    private readonly IDeviceGate _gate;
    private readonly IngestMetrics _metrics;
    private readonly MqttDeadLetterFile _deadLetters;
    private readonly IngestLimits _limits;
    private readonly ILogger _logger;
    private readonly DeviceActivity? _activity;

    public MqttConnectionHandler(
        MqttEndpoint endpoint, IngestPipeline pipeline, IDeviceGate gate, IngestMetrics metrics,
        MqttDeadLetterFile deadLetters, IngestLimits limits, ILogger<MqttConnectionHandler> logger, DeviceActivity? activity = null)
    {
        _activity = activity;
        _endpoint = endpoint;
        _pipeline = pipeline;
        _gate = gate;
        _metrics = metrics;
        _deadLetters = deadLetters;
        _limits = limits;
        _logger = logger;
    }

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var remote = connection.RemoteEndPoint?.ToString();
        var max = _endpoint.Options.MaxConnections ?? _limits.MaxConnections;
        if (!_endpoint.TryOpen(max))
        {
            _metrics.ConnectionRefused(ProtocolName, "max-connections");
            LogConnectionLimit(remote, max);
            connection.Abort(new ConnectionAbortedException("connection limit reached"));
            return;
        }

        _metrics.ConnectionOpened(ProtocolName);
        var state = new State(connection, remote) { Activity = _activity?.Open(ProtocolName, remote) };
        try
        {
            await ServeAsync(state).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionResetException or IOException or ConnectionAbortedException or OperationCanceledException)
        {
            LogConnectionLost(state.Client?.DeviceId, state.Client?.ClientId, remote, ex.Message);
        }
        catch (Exception ex)
        {
            LogConnectionFailed(ex, state.Client?.DeviceId, state.Client?.ClientId, remote);
        }
        finally
        {
            state.Activity?.Close();
            if (state.Client is { } client)
            {
                client.Closed();
                _endpoint.Sessions.Detach(client.Session, client);
            }

            _endpoint.Closed();
            _metrics.ConnectionClosed(ProtocolName);
            await connection.Transport.Input.CompleteAsync().ConfigureAwait(false);
            await connection.Transport.Output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(State state)
    {
        var connection = state.Connection;
        var input = connection.Transport.Input;
        var shutdown = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        // Not linked to ConnectionClosed: it fires as soon as the client's FIN arrives, and a QoS 0
        // client that publishes and disconnects at once would lose what is still in the pipe.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        timeout.CancelAfter(_limits.LoginTimeout);
        var maxPacket = _endpoint.Options.MaxPacketSize;
        CancellationTokenRegistration takeover = default;
        try
        {
            while (true)
            {
                ReadResult result;
                try
                {
                    result = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await CloseForCancellationAsync(state, shutdown).ConfigureAwait(false);
                    return;
                }

                var buffer = result.Buffer;
                var close = false;
                try
                {
                    while (!close && MqttFrameReader.TryReadPacket(ref buffer, maxPacket, out var frame))
                    {
                        if (state.Client is null)
                        {
                            close = !Connect(state, frame);
                            if (!close)
                            {
                                takeover = state.Client!.TakenOver.Register(static t => ((CancellationTokenSource)t!).Cancel(), timeout);
                            }
                        }
                        else
                        {
                            close = !await HandleAsync(state, frame, shutdown).ConfigureAwait(false);
                        }
                    }
                }
                catch (MqttProtocolException ex)
                {
                    RefuseMalformed(state, ex);
                    close = true;
                }

                if (state.Replies.WrittenCount > 0)
                {
                    // Through the client's lock once there is one: commands share the writer.
                    if (state.Client is { } writer)
                    {
                        await writer.WriteAsync(state.Replies.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                    }
                    else
                    {
                        await connection.Transport.Output.WriteAsync(state.Replies.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                    }

                    state.Replies.ResetWrittenCount();
                }

                if (close)
                {
                    return;
                }

                if (state.Client is not null)
                {
                    // Re-armed on every read: 1.5 × the keep-alive the client asked for (3.1.1 §3.1.2.10).
                    timeout.CancelAfter(state.KeepAliveTimeout);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    if (!buffer.IsEmpty)
                    {
                        state.Activity?.BadFrame("truncated packet at end of stream");
                        _metrics.BadFrame(ProtocolName, "truncated packet at end of stream");
                        LogClosed(state.Client?.DeviceId, state.Client?.ClientId, state.Remote, "truncated packet at end of stream");
                    }

                    return;
                }
            }
        }
        finally
        {
            await takeover.DisposeAsync().ConfigureAwait(false);
        }
    }

    private bool Connect(State state, in MqttFrame frame)
    {
        if (frame.Type != MqttPacketType.Connect)
        {
            MqttProtocolException.ProtocolError(MqttReasons.FirstPacketNotConnect);
        }

        MqttConnect connect;
        try
        {
            connect = MqttPacketParser.ParseConnect(frame);
        }
        catch (MqttProtocolException ex)
        {
            // Before CONNACK the answer is a CONNACK: in 5.0 with the reason code; an unsupported
            // level is told in 3.1.1's terms (return code 1), which every version understands.
            var level = PeekProtocolLevel(frame);
            state.Version = level == (byte)MqttProtocolVersion.V500 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311;
            if (state.Version == MqttProtocolVersion.V500 || ex.Code == MqttReasonCode.UnsupportedProtocolVersion)
            {
                MqttPacketWriter.WriteConnAck(state.Replies, state.Version, new MqttConnAck { ReasonCode = ex.Code });
            }

            _metrics.BadFrame(ProtocolName, ex.Message);
            LogRefusedConnect(null, null, state.Remote, ex.Message);
            return false;
        }

        state.Version = connect.ProtocolVersion;
        var v5 = connect.ProtocolVersion == MqttProtocolVersion.V500;
        var deviceId = !string.IsNullOrEmpty(connect.UserName) ? connect.UserName : connect.ClientId;
        var clientId = connect.ClientId;
        string? assigned = null;
        if (clientId.Length == 0 && deviceId.Length > 0 && (v5 || connect.CleanStart))
        {
            clientId = assigned = deviceId;
        }

        var refusal = Authorize(connect, deviceId, clientId);
        if (refusal is { } code)
        {
            MqttPacketWriter.WriteConnAck(state.Replies, state.Version, new MqttConnAck { ReasonCode = code });
            _metrics.ConnectionRefused(ProtocolName, code.ToString());
            LogRefusedConnect(deviceId, clientId, state.Remote, code.ToString());
            return false;
        }

        var persistent = v5 ? connect.Properties.SessionExpiryInterval is > 0 : !connect.CleanStart;
        var expiry = v5 ? connect.Properties.SessionExpiryInterval ?? 0 : uint.MaxValue;
        var client = new MqttEndpointConnection(state.Connection, state.Version, clientId, deviceId);
        var (session, present, previous) = _endpoint.Sessions.Attach(clientId, deviceId, connect.CleanStart, persistent, expiry, client);
        client.Session = session;
        state.Client = client;
        state.Activity?.Identify(deviceId);
        state.KeepAliveTimeout = connect.KeepAliveSeconds == 0
            ? _limits.IdleTimeout
            : TimeSpan.FromSeconds(connect.KeepAliveSeconds * 1.5);
        if (previous is not null)
        {
            LogTakenOver(deviceId, clientId, state.Remote);
            previous.TakeOver();
        }

        var properties = new MqttProperties();
        if (v5)
        {
            properties.MaximumPacketSize = (uint)_endpoint.Options.MaxPacketSize;
            properties.WildcardSubscriptionAvailable = 0;
            properties.SharedSubscriptionAvailable = 0;
            properties.SubscriptionIdentifierAvailable = 0;
            properties.AssignedClientIdentifier = assigned;
        }

        MqttPacketWriter.WriteConnAck(state.Replies, state.Version, new MqttConnAck { SessionPresent = present, Properties = properties });
        client.WriteQueuedCommands(state.Replies);
        LogConnected(deviceId, clientId, state.Remote, (int)state.Version, present);
        return true;
    }

    /// <summary>Null when the client may connect, else the CONNACK reason code that refuses it.</summary>
    private MqttReasonCode? Authorize(MqttConnect connect, string deviceId, string clientId)
    {
        if (connect.Properties.AuthenticationMethod is not null)
        {
            // Enhanced authentication (AUTH exchanges) is not offered.
            return MqttReasonCode.BadAuthenticationMethod;
        }

        if (deviceId.Length == 0 || clientId.Length == 0)
        {
            return MqttReasonCode.ClientIdentifierNotValid;
        }

        var passwordOk = _endpoint.Passwords.Verify(deviceId, connect.Password ?? []);
        if (passwordOk == false || (passwordOk is null && !_endpoint.Options.AllowAnonymous))
        {
            return MqttReasonCode.BadUserNameOrPassword;
        }

        return _gate.Admit(deviceId) ? null : MqttReasonCode.NotAuthorized;
    }

    /// <summary>One packet after CONNECT; false to close the connection.</summary>
    private async ValueTask<bool> HandleAsync(State state, MqttFrame frame, CancellationToken shutdown)
    {
        var client = state.Client!;
        var version = state.Version;
        switch (frame.Type)
        {
            case MqttPacketType.Publish:
                await PublishAsync(state, frame, shutdown).ConfigureAwait(false);
                return true;
            case MqttPacketType.PubRel:
                var release = MqttPacketParser.ParsePublishAck(frame, version);
                bool known;
                lock (client.Session.Sync)
                {
                    known = client.Session.AwaitingRelease.Remove(release.PacketId);
                }

                MqttPacketWriter.WritePublishAck(state.Replies, version, MqttPacketType.PubComp, release.PacketId,
                    known ? MqttReasonCode.Success : MqttReasonCode.PacketIdentifierNotFound);
                return true;
            case MqttPacketType.PubAck:
                client.Acknowledged(MqttPacketParser.ParsePublishAck(frame, version).PacketId);
                return true;
            case MqttPacketType.Subscribe:
                Subscribe(state, MqttPacketParser.ParseSubscribe(frame, version));
                return true;
            case MqttPacketType.Unsubscribe:
                Unsubscribe(state, MqttPacketParser.ParseUnsubscribe(frame, version));
                return true;
            case MqttPacketType.PingReq:
                MqttPacketParser.ParseEmpty(frame);
                MqttPacketWriter.WritePingResp(state.Replies);
                return true;
            case MqttPacketType.Disconnect:
                var disconnect = MqttPacketParser.ParseDisconnect(frame, version);
                if (disconnect.Properties.SessionExpiryInterval is { } expiry)
                {
                    lock (client.Session.Sync)
                    {
                        client.Session.ExpirySeconds = expiry;
                        client.Session.Persistent = expiry > 0;
                    }
                }

                LogDisconnected(client.DeviceId, client.ClientId, state.Remote, disconnect.ReasonCode.ToString());
                return false;
            case MqttPacketType.Connect:
                MqttProtocolException.ProtocolError(MqttReasons.SecondConnect);
                return false;
            case MqttPacketType.Auth:
                // No authentication method was agreed at CONNECT, so any AUTH is a protocol error (5.0 §4.12).
                MqttPacketParser.ParseAuth(frame, version);
                MqttProtocolException.ProtocolError(MqttReasons.UnexpectedPacket);
                return false;
            default:
                // PUBREC/PUBCOMP (commands go out at QoS 0 or 1 only), CONNACK, SUBACK, UNSUBACK, PINGRESP: server-side packets.
                MqttProtocolException.ProtocolError(MqttReasons.UnexpectedPacket);
                return false;
        }
    }

    private async ValueTask PublishAsync(State state, MqttFrame frame, CancellationToken shutdown)
    {
        var client = state.Client!;
        MqttPublishParser.Parse(frame, state.Version, out var publish);
        if (IsQos2Resend(state, publish))
        {
            // A resend of a QoS 2 message already ingested: acknowledged again, ingested once.
            MqttPacketWriter.WritePublishAck(state.Replies, state.Version, MqttPacketType.PubRec, publish.PacketId);
            return;
        }

        var reasonCode = DecodePayload(state, publish);
        if (reasonCode == MqttReasonCode.Success)
        {
            for (var i = 0; i < state.Records.Count; i++)
            {
                await _pipeline.EnqueueAsync(state.Records.ToPositionRecord(i, client.DeviceId), shutdown).ConfigureAwait(false);
            }

            _metrics.FrameDecoded(ProtocolName, state.Records.Count);
            state.Activity?.Frame();
        }

        // Acked even when refused, so that a bad message does not come back forever; 5.0 says why.
        switch (publish.Qos)
        {
            case MqttQos.AtLeastOnce:
                MqttPacketWriter.WritePublishAck(state.Replies, state.Version, MqttPacketType.PubAck, publish.PacketId, reasonCode);
                break;
            case MqttQos.ExactlyOnce:
                // A 5.0 PUBREC with a failure code ends the exchange: no PUBREL follows.
                if (reasonCode == MqttReasonCode.Success || state.Version != MqttProtocolVersion.V500)
                {
                    lock (client.Session.Sync)
                    {
                        client.Session.AwaitingRelease.Add(publish.PacketId);
                    }
                }

                MqttPacketWriter.WritePublishAck(state.Replies, state.Version, MqttPacketType.PubRec, publish.PacketId, reasonCode);
                break;
        }
    }

    private static bool IsQos2Resend(State state, in MqttPublish publish)
    {
        if (publish.Qos != MqttQos.ExactlyOnce)
        {
            return false;
        }

        lock (state.Client!.Session.Sync)
        {
            return state.Client.Session.AwaitingRelease.Contains(publish.PacketId);
        }
    }

    /// <summary>Routes, authorises and decodes into <c>state.Records</c>; a refusal is counted, logged and dead-lettered.</summary>
    private MqttReasonCode DecodePayload(State state, in MqttPublish publish)
    {
        var client = state.Client!;
        var topic = TopicSpan(publish.Topic, state);
        var kind = MqttTopicLayout.Route(topic, out var range);
        string? reason;
        MqttReasonCode code;
        if (kind == MqttPayloadKind.Unknown)
        {
            reason = MqttPayloadReasons.UnknownTopic;
            code = MqttReasonCode.TopicNameInvalid;
        }
        else if (!topic[range].SequenceEqual(client.DeviceIdUtf8))
        {
            reason = MqttPayloadReasons.TopicNotAuthorized;
            code = MqttReasonCode.NotAuthorized;
        }
        else
        {
            state.Records.Clear();
            reason = state.Decoder.Decode(kind, publish.Payload, client.DeviceId, state.Records);
            code = reason is null ? MqttReasonCode.Success
                : kind == MqttPayloadKind.Commands ? MqttReasonCode.NotAuthorized
                : MqttReasonCode.PayloadFormatInvalid;
        }

        if (reason is not null)
        {
            var topicText = Encoding.UTF8.GetString(topic);
            state.Activity?.BadFrame(reason);
            _metrics.BadFrame(ProtocolName, reason);
            LogBadPayload(client.DeviceId, client.ClientId, topicText, reason);
            _deadLetters.Append("endpoint", client.DeviceId, client.ClientId, topicText, reason, publish.Payload);
        }

        return code;
    }

    private void Subscribe(State state, MqttSubscribe subscribe)
    {
        var client = state.Client!;
        var codes = new List<MqttReasonCode>(subscribe.Subscriptions.Count);
        var subscribed = false;
        foreach (var s in subscribe.Subscriptions)
        {
            if (!MqttTopic.IsValidFilter(s.TopicFilter))
            {
                codes.Add(MqttReasonCode.TopicFilterInvalid);
            }
            else if (Encoding.UTF8.GetBytes(s.TopicFilter).AsSpan().SequenceEqual(client.CommandTopicUtf8))
            {
                // Commands go out at QoS 0 or 1.
                var granted = s.Qos == MqttQos.AtMostOnce ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce;
                lock (client.Session.Sync)
                {
                    client.Session.CommandSubscription = granted;
                }

                codes.Add((MqttReasonCode)granted);
                subscribed = true;
            }
            else
            {
                LogSubscribeRefused(client.DeviceId, client.ClientId, s.TopicFilter);
                codes.Add(MqttReasonCode.NotAuthorized);
            }
        }

        MqttPacketWriter.WriteSubAck(state.Replies, state.Version, new MqttSubAck { PacketId = subscribe.PacketId, ReasonCodes = codes });
        if (subscribed)
        {
            client.WriteQueuedCommands(state.Replies);
        }
    }

    private static void Unsubscribe(State state, MqttUnsubscribe unsubscribe)
    {
        var client = state.Client!;
        var codes = new List<MqttReasonCode>(unsubscribe.TopicFilters.Count);
        foreach (var filter in unsubscribe.TopicFilters)
        {
            lock (client.Session.Sync)
            {
                if (Encoding.UTF8.GetBytes(filter).AsSpan().SequenceEqual(client.CommandTopicUtf8) && client.Session.CommandSubscription is not null)
                {
                    client.Session.CommandSubscription = null;
                    codes.Add(MqttReasonCode.Success);
                }
                else
                {
                    codes.Add(MqttReasonCode.NoSubscriptionExisted);
                }
            }
        }

        MqttPacketWriter.WriteUnsubAck(state.Replies, state.Version, new MqttUnsubAck { PacketId = unsubscribe.PacketId, ReasonCodes = codes });
    }

    private void RefuseMalformed(State state, MqttProtocolException ex)
    {
        state.Activity?.BadFrame(ex.Message);
        _metrics.BadFrame(ProtocolName, ex.Message);
        LogMalformed(state.Client?.DeviceId, state.Client?.ClientId, state.Remote, ex.Message, (byte)ex.Code);
        if (state.Client is not null && state.Version == MqttProtocolVersion.V500)
        {
            MqttPacketWriter.WriteDisconnect(state.Replies, state.Version, ex.Code);
        }
    }

    private async ValueTask CloseForCancellationAsync(State state, CancellationToken shutdown)
    {
        var connection = state.Connection;
        if (connection.ConnectionClosed.IsCancellationRequested)
        {
            return;
        }

        MqttReasonCode code;
        if (state.Client is { } client && client.TakenOver.IsCancellationRequested)
        {
            code = MqttReasonCode.SessionTakenOver;
        }
        else if (shutdown.IsCancellationRequested)
        {
            code = MqttReasonCode.ServerShuttingDown;
        }
        else
        {
            code = MqttReasonCode.KeepAliveTimeout;
            var reason = state.Client is null ? "login-timeout" : "keep-alive-timeout";
            _metrics.ConnectionRefused(ProtocolName, reason);
            LogClosed(state.Client?.DeviceId, state.Client?.ClientId, state.Remote, reason);
        }

        if (state.Client is { } known && state.Version == MqttProtocolVersion.V500)
        {
            var writer = new ArrayBufferWriter<byte>(8);
            MqttPacketWriter.WriteDisconnect(writer, state.Version, code);
            try
            {
                await known.WriteAsync(writer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ConnectionAbortedException or InvalidOperationException)
            {
                // The peer is gone already.
            }
        }
    }

    private static ReadOnlySpan<byte> TopicSpan(in ReadOnlySequence<byte> topic, State state)
    {
        if (topic.IsSingleSegment)
        {
            return topic.FirstSpan;
        }

        var length = (int)topic.Length;
        if (state.TopicScratch.Length < length)
        {
            state.TopicScratch = new byte[Math.Max(length, state.TopicScratch.Length * 2)];
        }

        topic.CopyTo(state.TopicScratch);
        return state.TopicScratch.AsSpan(0, length);
    }

    private static byte PeekProtocolLevel(in MqttFrame frame)
    {
        // Protocol Name "MQTT" is 6 bytes (length + 4), then the level.
        return frame.Body.Length > 6 ? frame.Body.Slice(6, 1).FirstSpan[0] : (byte)0;
    }

    /// <summary>What one connection's loop carries along.</summary>
    private sealed class State(ConnectionContext connection, string? remote)
    {
        public ConnectionContext Connection { get; } = connection;

        public string? Remote { get; } = remote;

        public MqttProtocolVersion Version { get; set; } = MqttProtocolVersion.V311;

        public MqttEndpointConnection? Client { get; set; }

        /// <summary>The device tracker's handle on this connection (the Devices page), when tracked.</summary>
        public ConnectionActivity? Activity { get; init; }

        public TimeSpan KeepAliveTimeout { get; set; }

        public ArrayBufferWriter<byte> Replies { get; } = new(256);

        public RecordBatch Records { get; } = new();

        public MqttPayloadDecoder Decoder { get; } = new();

        public byte[] TopicScratch { get; set; } = new byte[256];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "mqtt connection from {Remote} refused: {Max} connections open")]
    private partial void LogConnectionLimit(string? remote, int max);

    [LoggerMessage(Level = LogLevel.Debug, Message = "mqtt device {DeviceId} (client {ClientId}, {Remote}) connected with MQTT level {Level}, session present {Present}")]
    private partial void LogConnected(string deviceId, string clientId, string? remote, int level, bool present);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mqtt CONNECT of device {DeviceId} (client {ClientId}, {Remote}) refused: {Reason}")]
    private partial void LogRefusedConnect(string? deviceId, string? clientId, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "mqtt device {DeviceId} (client {ClientId}) reconnected from {Remote}: the previous connection is taken over")]
    private partial void LogTakenOver(string deviceId, string clientId, string? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mqtt payload of device {DeviceId} (client {ClientId}) on {Topic} refused and dead-lettered: {Reason}")]
    private partial void LogBadPayload(string deviceId, string clientId, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mqtt device {DeviceId} (client {ClientId}) may not subscribe to {Filter}: only to its command topic")]
    private partial void LogSubscribeRefused(string deviceId, string clientId, string filter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "mqtt connection of device {DeviceId} (client {ClientId}, {Remote}) closed: {Reason} (reason code 0x{Code:X2})")]
    private partial void LogMalformed(string? deviceId, string? clientId, string? remote, string reason, byte code);

    [LoggerMessage(Level = LogLevel.Information, Message = "mqtt connection of device {DeviceId} (client {ClientId}, {Remote}) closed: {Reason}")]
    private partial void LogClosed(string? deviceId, string? clientId, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "mqtt device {DeviceId} (client {ClientId}, {Remote}) disconnected: {Reason}")]
    private partial void LogDisconnected(string deviceId, string clientId, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "mqtt connection of device {DeviceId} (client {ClientId}, {Remote}) lost: {Reason}")]
    private partial void LogConnectionLost(string? deviceId, string? clientId, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "mqtt connection of device {DeviceId} (client {ClientId}, {Remote}) failed")]
    private partial void LogConnectionFailed(Exception ex, string? deviceId, string? clientId, string? remote);
}
