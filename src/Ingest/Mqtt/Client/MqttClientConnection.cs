using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Mqtt.Client;

/// <summary>
/// An MQTT client connection over TCP, on pipelines and our codec: used by broker mode, the
/// simulator and the load generator. Either run <see cref="RunAsync"/> (zero-copy PUBLISH
/// delivery, automatic PUBACK/PUBCOMP/keep-alive) or read packets one by one with
/// <see cref="ReadPacketAsync"/>. Writes are serialised by a lock.
/// </summary>
public sealed class MqttClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly int _maxPacketSize;

    private MqttClientConnection(Socket socket, MqttProtocolVersion version, ushort keepAlive, int maxPacketSize)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        Version = version;
        KeepAliveSeconds = keepAlive;
        _maxPacketSize = maxPacketSize;
    }

    public MqttProtocolVersion Version { get; }

    public ushort KeepAliveSeconds { get; }

    public MqttConnAck ConnAck { get; private set; } = new();

    /// <summary>Connects, sends CONNECT and waits for CONNACK; throws <see cref="MqttClientException"/> when refused.</summary>
    public static async Task<MqttClientConnection> ConnectAsync(
        string host, int port, MqttConnect connect, int maxPacketSize = 256 * 1024, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        MqttClientConnection? client = null;
        try
        {
            await socket.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            client = new MqttClientConnection(socket, connect.ProtocolVersion, connect.KeepAliveSeconds, maxPacketSize);
            await client.SendAsync(w => MqttPacketWriter.WriteConnect(w, connect), deadline.Token).ConfigureAwait(false);
            var reply = await client.ReadPacketAsync(deadline.Token).ConfigureAwait(false)
                ?? throw new MqttClientException("the broker closed the connection before CONNACK");
            if (reply.Type != MqttPacketType.ConnAck)
            {
                throw new MqttClientException($"expected CONNACK, got {reply.Type}", MqttReasonCode.ProtocolError);
            }

            client.ConnAck = MqttPacketParser.ParseConnAck(reply.Frame, connect.ProtocolVersion);
            if (client.ConnAck.ReasonCode != MqttReasonCode.Success)
            {
                throw new MqttClientException($"the broker refused the connection: {client.ConnAck.ReasonCode}", client.ConnAck.ReasonCode);
            }

            return client;
        }
        catch (Exception)
        {
            if (client is not null)
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            throw;
        }
    }

    /// <summary>Encodes with <paramref name="encode"/> and sends, under the write lock.</summary>
    public async ValueTask SendAsync(Action<IBufferWriter<byte>> encode, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            encode(_output);
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends bytes already encoded (one or many packets).</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> packets, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(packets, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The next packet, copied; null when the broker closed the connection.</summary>
    public async ValueTask<MqttReceivedPacket?> ReadPacketAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (MqttFrameReader.TryReadPacket(ref buffer, _maxPacketSize, out var frame))
            {
                var packet = new MqttReceivedPacket(frame.Type, frame.Flags, frame.Body.ToArray());
                _input.AdvanceTo(buffer.Start);
                return packet;
            }

            _input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Reads until the broker closes or <paramref name="cancellationToken"/> fires: PUBLISH goes to
    /// <paramref name="handler"/> and is acknowledged after it returns (PUBACK, or PUBREC for QoS 2),
    /// the acks of one read sent together; PUBREL gets PUBCOMP; PINGREQ is sent every half keep-alive.
    /// SUBACK, UNSUBACK and PUBACK go to <paramref name="onOther"/>. A 5.0 DISCONNECT from the broker ends it with an exception.
    /// </summary>
    public async Task RunAsync(IMqttPublishHandler handler, Action<MqttReceivedPacket>? onOther = null, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pinger = KeepAliveSeconds > 0 ? PingAsync(stop.Token) : Task.CompletedTask;
        var replies = new ArrayBufferWriter<byte>(1024);
        try
        {
            while (true)
            {
                using var silence = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                if (KeepAliveSeconds > 0)
                {
                    silence.CancelAfter(TimeSpan.FromSeconds(KeepAliveSeconds * 2));
                }

                ReadResult result;
                try
                {
                    result = await _input.ReadAsync(silence.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    throw new MqttClientException("the broker went silent (no PINGRESP)", MqttReasonCode.KeepAliveTimeout);
                }

                var buffer = result.Buffer;
                while (MqttFrameReader.TryReadPacket(ref buffer, _maxPacketSize, out var frame))
                {
                    await HandleAsync(frame, handler, onOther, replies, stop.Token).ConfigureAwait(false);
                }

                if (replies.WrittenCount > 0)
                {
                    await SendAsync(replies.WrittenMemory, stop.Token).ConfigureAwait(false);
                    replies.ResetWrittenCount();
                }

                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    throw new MqttClientException("the broker closed the connection");
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await pinger.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is ending anyway.
            }
        }
    }

    /// <summary>Sends DISCONNECT (normal disconnection) and closes.</summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(w => MqttPacketWriter.WriteDisconnect(w, Version), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        _writeLock.Dispose();
    }

    private async ValueTask HandleAsync(MqttFrame frame, IMqttPublishHandler handler, Action<MqttReceivedPacket>? onOther, ArrayBufferWriter<byte> replies, CancellationToken cancellationToken)
    {
        switch (frame.Type)
        {
            case MqttPacketType.Publish:
                MqttPublishParser.Parse(frame, Version, out var publish);
                var code = await handler.OnPublishAsync(publish, cancellationToken).ConfigureAwait(false);
                if (publish.Qos == MqttQos.AtLeastOnce)
                {
                    MqttPacketWriter.WritePublishAck(replies, Version, MqttPacketType.PubAck, publish.PacketId, code);
                }
                else if (publish.Qos == MqttQos.ExactlyOnce)
                {
                    MqttPacketWriter.WritePublishAck(replies, Version, MqttPacketType.PubRec, publish.PacketId, code);
                }

                break;
            case MqttPacketType.PubRel:
                var release = MqttPacketParser.ParsePublishAck(frame, Version);
                MqttPacketWriter.WritePublishAck(replies, Version, MqttPacketType.PubComp, release.PacketId);
                break;
            case MqttPacketType.PingResp:
                MqttPacketParser.ParseEmpty(frame);
                break;
            case MqttPacketType.Disconnect:
                var disconnect = MqttPacketParser.ParseDisconnect(frame, Version);
                throw new MqttClientException($"the broker disconnected: {disconnect.ReasonCode}", disconnect.ReasonCode);
            default:
                onOther?.Invoke(new MqttReceivedPacket(frame.Type, frame.Flags, frame.Body.ToArray()));
                break;
        }
    }

    private async Task PingAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, KeepAliveSeconds / 2.0)));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await SendAsync(static w => MqttPacketWriter.WritePingReq(w), cancellationToken).ConfigureAwait(false);
        }
    }
}
