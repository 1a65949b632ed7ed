using System.Net;
using System.Net.Sockets;

namespace Telematics.Ingest.Tests.Support;

/// <summary>A bare TCP client for sending exact bytes and reading exactly what the server answers.</summary>
public sealed class RawDevice : IAsyncDisposable
{
    private readonly Socket _socket;

    private RawDevice(Socket socket) => _socket = socket;

    public static async Task<RawDevice> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RawDevice(socket);
    }

    public Task SendHexAsync(string hex) => SendAsync(Convert.FromHexString(hex));

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>Reads exactly <paramref name="count"/> bytes, or fails if the server closes or is silent too long.</summary>
    public async Task<string> ReadHexAsync(int count, TimeSpan? timeout = null)
    {
        var buffer = new byte[count];
        var read = 0;
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (read < count)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cts.Token);
            if (n == 0)
            {
                Assert.Fail($"the server closed the connection after {read} of {count} bytes");
            }

            read += n;
        }

        return Convert.ToHexStringLower(buffer);
    }

    /// <summary>True when the server closes the connection within the timeout (reading any bytes it sends first).</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>True when nothing arrives within the timeout and the connection stays open.</summary>
    public async Task<bool> IsSilentAsync(TimeSpan timeout)
    {
        var buffer = new byte[1];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
