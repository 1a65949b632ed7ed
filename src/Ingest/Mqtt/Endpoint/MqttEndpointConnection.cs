using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Ingest.Mqtt.Payloads;

namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>
/// One connected, accepted MQTT client: who it is, its session, and the one way to write to it
/// (a lock around write + flush, shared by the read loop's acks and the worker's commands).
/// </summary>
public sealed class MqttEndpointConnection
{
    private readonly ConnectionContext _connection;
    private readonly PipeWriter _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<ushort, TaskCompletionSource<bool>> _pendingAcks = new();
    private readonly CancellationTokenSource _takenOver = new();
    private int _nextPacketId;

    public MqttEndpointConnection(ConnectionContext connection, MqttProtocolVersion version, string clientId, string deviceId)
    {
        _connection = connection;
        _output = connection.Transport.Output;
        Version = version;
        ClientId = clientId;
        DeviceId = deviceId;
        DeviceIdUtf8 = Encoding.UTF8.GetBytes(deviceId);
        CommandTopicUtf8 = Encoding.UTF8.GetBytes(MqttTopicLayout.CommandTopic(deviceId));
    }

    public MqttProtocolVersion Version { get; }

    public string ClientId { get; }

    public string DeviceId { get; }

    public byte[] DeviceIdUtf8 { get; }

    public byte[] CommandTopicUtf8 { get; }

    public MqttEndpointSession Session { get; set; } = null!;

    /// <summary>Cancelled when another connection took this client id over.</summary>
    public CancellationToken TakenOver => _takenOver.Token;

    public void TakeOver() => _takenOver.Cancel();

    /// <summary>Writes what the read loop gathered (acks, replies) and flushes.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Publishes a command on the device's command topic; QoS 1 waits for the PUBACK.</summary>
    public async Task<MqttCommandResult> SendCommandAsync(ReadOnlyMemory<byte> payload, MqttQos qos, TimeSpan ackTimeout, CancellationToken cancellationToken)
    {
        var writer = new ArrayBufferWriter<byte>(payload.Length + CommandTopicUtf8.Length + 16);
        TaskCompletionSource<bool>? ack = null;
        ushort packetId = 0;
        if (qos != MqttQos.AtMostOnce)
        {
            qos = MqttQos.AtLeastOnce;
            ack = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            packetId = RegisterPacketId(ack);
        }

        MqttPacketWriter.WritePublish(writer, Version, CommandTopicUtf8, payload.Span, qos, packetId);
        try
        {
            await WriteAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ConnectionAbortedException or ObjectDisposedException or InvalidOperationException)
        {
            _pendingAcks.TryRemove(packetId, out _);
            return MqttCommandResult.NotAcknowledged;
        }

        if (ack is null)
        {
            return MqttCommandResult.Sent;
        }

        try
        {
            var acked = await ack.Task.WaitAsync(ackTimeout, cancellationToken).ConfigureAwait(false);
            return acked ? MqttCommandResult.Acknowledged : MqttCommandResult.NotAcknowledged;
        }
        catch (TimeoutException)
        {
            _pendingAcks.TryRemove(packetId, out _);
            return MqttCommandResult.NotAcknowledged;
        }
    }

    /// <summary>Queued commands, written into the read loop's reply buffer after CONNACK or SUBACK.</summary>
    public void WriteQueuedCommands(IBufferWriter<byte> replies)
    {
        lock (Session.Sync)
        {
            if (Session.CommandSubscription is not { } qos)
            {
                return;
            }

            while (Session.QueuedCommands.TryDequeue(out var payload))
            {
                var packetId = qos == MqttQos.AtMostOnce ? (ushort)0 : RegisterPacketId(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
                MqttPacketWriter.WritePublish(replies, Version, CommandTopicUtf8, payload, qos == MqttQos.AtMostOnce ? qos : MqttQos.AtLeastOnce, packetId);
            }
        }
    }

    /// <summary>The device acknowledged a command.</summary>
    public void Acknowledged(ushort packetId)
    {
        if (_pendingAcks.TryRemove(packetId, out var ack))
        {
            ack.TrySetResult(true);
        }
    }

    /// <summary>The connection ended: commands still waiting for their PUBACK fail.</summary>
    public void Closed()
    {
        foreach (var id in _pendingAcks.Keys)
        {
            if (_pendingAcks.TryRemove(id, out var ack))
            {
                ack.TrySetResult(false);
            }
        }
    }

    public void Abort() => _connection.Abort(new ConnectionAbortedException("session taken over"));

    private ushort RegisterPacketId(TaskCompletionSource<bool> ack)
    {
        while (true)
        {
            var id = (ushort)(Interlocked.Increment(ref _nextPacketId) & 0xFFFF);
            if (id != 0 && _pendingAcks.TryAdd(id, ack))
            {
                return id;
            }
        }
    }
}
