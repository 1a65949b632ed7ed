using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using Telematics.Ingest.Protocols;

namespace Telematics.Devices.Load;

/// <summary>Reads one reply off the start of a buffer: false, with nothing consumed, until it is complete.</summary>
internal delegate bool ReplyReader<T>(ref ReadOnlySequence<byte> buffer, out T value);

/// <summary>
/// One device connection of a load run, one async loop on a raw socket: connect, log in, wait
/// for the start, then keep up to N frames in flight, read and check every ack in order and
/// time it from send to ack. The socket's cached awaitables make sends and receives allocation-free.
/// </summary>
internal sealed class LoadConnection
{
    private const int ReceiveBufferSize = 512;
    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(15);

    private readonly LoadRun _run;
    private readonly int _index;
    private readonly LoadDevice _device;
    private readonly byte[] _receive = new byte[ReceiveBufferSize];
    private readonly long[] _sentAt;
    private readonly long[] _expected;
    private Socket? _socket;
    private bool _aborted;
    private int _filled;
    private int _head;
    private int _inFlight;
    private long _nextTimeMs;

    public LoadConnection(LoadRun run, int index)
    {
        _run = run;
        _index = index;
        _device = LoadDevice.Create(run.Settings, index);
        _sentAt = new long[run.Settings.InFlight];
        _expected = new long[run.Settings.InFlight];
        _nextTimeMs = run.FirstDeviceTimeMs;
    }

    /// <summary>Frames sent and not acked yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task RunAsync()
    {
        var stats = _run.Stats;
        try
        {
            _socket = new Socket(_run.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _aborted), _socket);

            using var timeout = new CancellationTokenSource(LoginTimeout);
            await _socket.ConnectAsync(_run.EndPoint, timeout.Token).ConfigureAwait(false);
            await _device.LoginAsync(this, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            stats.ConnectFailed($"{_device.DeviceId}: connect/login failed: {ex.Message}");
            _socket?.Dispose();
            return;
        }

        stats.LoginSucceeded();
        try
        {
            await _run.Go.ConfigureAwait(false);
            if (_run.Settings.Idle)
            {
                await _run.Stopped.ConfigureAwait(false);
            }
            else
            {
                await PumpAsync(_socket).ConfigureAwait(false);
            }
        }
        catch (LoadProtocolException ex)
        {
            stats.AckError($"{_device.DeviceId}: {ex.Message}");
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            if (!Volatile.Read(ref _aborted))
            {
                stats.Disconnected($"{_device.DeviceId}: connection lost: {ex.Message}");
            }
        }
        finally
        {
            stats.Closed();
            _socket.Dispose();
        }
    }

    /// <summary>Closes the socket under a loop that is still waiting (end of the drain).</summary>
    public void Abort()
    {
        Volatile.Write(ref _aborted, true);
        _socket?.Dispose();
    }

    /// <summary>Sends all of <paramref name="data"/>.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var socket = _socket!;
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    /// <summary>Receives until <paramref name="reader"/> reads a whole reply, and consumes it.</summary>
    public async ValueTask<T> ReadReplyAsync<T>(ReplyReader<T> reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryConsume(reader, out var value))
            {
                return value;
            }

            await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(Socket socket)
    {
        var settings = _run.Settings;
        var window = settings.InFlight;
        var recordsPerFrame = _device.RecordsPerFrame;
        var pacer = _run.Pacer;
        var stats = _run.Stats;
        long framesSent = 0;
        while (true)
        {
            var stopping = _run.IsStopping;
            if (!stopping)
            {
                while (_inFlight < window && (pacer is null || framesSent < pacer.Allowed(_index, Stopwatch.GetTimestamp())))
                {
                    var frame = _device.NextFrame(_nextTimeMs, out var key);
                    _nextTimeMs += recordsPerFrame * 1000L;
                    if (_nextTimeMs > _run.LastDeviceTimeMs)
                    {
                        _nextTimeMs = _run.FirstDeviceTimeMs;
                    }

                    var tail = (_head + _inFlight) % window;
                    _expected[tail] = key;
                    _sentAt[tail] = Stopwatch.GetTimestamp();
                    Volatile.Write(ref _inFlight, _inFlight + 1);
                    await SendAsync(frame, CancellationToken.None).ConfigureAwait(false);
                    framesSent++;
                    stats.FrameSent(recordsPerFrame);
                }
            }

            if (_inFlight == 0)
            {
                if (stopping)
                {
                    return;
                }

                // Only a paced run gets here: everything allowed so far is acked.
                await pacer!.WaitAsync(pacer.Due(_index, framesSent)).ConfigureAwait(false);
                continue;
            }

            await ReceiveAsync(CancellationToken.None).ConfigureAwait(false);
            ReadAcks(recordsPerFrame, stats);
        }
    }

    private void ReadAcks(int recordsPerFrame, LoadStats stats)
    {
        var buffer = new ReadOnlySequence<byte>(_receive, 0, _filled);
        while (_device.TryReadAck(ref buffer, out var key))
        {
            var now = Stopwatch.GetTimestamp();
            if (_inFlight == 0)
            {
                stats.AckError($"{_device.DeviceId}: ack ({_device.DescribeKey(key)}) with no frame in flight");
                continue;
            }

            var expected = _expected[_head];
            var sentAt = _sentAt[_head];
            _head = (_head + 1) % _expected.Length;
            Volatile.Write(ref _inFlight, _inFlight - 1);
            if (key == expected)
            {
                stats.FrameAcked(recordsPerFrame, now - sentAt);
            }
            else
            {
                stats.AckError($"{_device.DeviceId}: expected ack {_device.DescribeKey(expected)}, got {_device.DescribeKey(key)}");
            }
        }

        Consume(_filled - (int)buffer.Length);
    }

    private async ValueTask ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_filled == _receive.Length)
        {
            throw new LoadProtocolException($"{_receive.Length} bytes from the server hold no whole reply");
        }

        var n = await _socket!.ReceiveAsync(_receive.AsMemory(_filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (n == 0)
        {
            throw new IOException("the server closed the connection");
        }

        _filled += n;
    }

    private bool TryConsume<T>(ReplyReader<T> reader, out T value)
    {
        var buffer = new ReadOnlySequence<byte>(_receive, 0, _filled);
        if (_filled == 0 || !reader(ref buffer, out value))
        {
            value = default!;
            return false;
        }

        Consume(_filled - (int)buffer.Length);
        return true;
    }

    private void Consume(int count)
    {
        if (count == 0)
        {
            return;
        }

        _filled -= count;
        if (_filled > 0)
        {
            Buffer.BlockCopy(_receive, count, _receive, 0, _filled);
        }
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException or LoadProtocolException or FrameException;
}
