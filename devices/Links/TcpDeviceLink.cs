using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Telematics.Ingest.Protocols;

namespace Telematics.Devices.Links;

/// <summary>What every TCP device link shares: the socket, a buffer to encode into, and reading one reply with a timeout.</summary>
public abstract class TcpDeviceLink(string deviceId, EndPoint server) : IDeviceLink
{
    private Socket? _socket;
    private NetworkStream? _stream;
    private PipeReader? _reader;

    /// <summary>How long a device waits for an ack before it gives up (real devices: 10–30 s).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public abstract string Protocol { get; }

    public string DeviceId { get; } = deviceId;

    protected ArrayBufferWriter<byte> Output { get; } = new(1024);

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        _stream = new NetworkStream(_socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
        await LoginAsync(cancellationToken).ConfigureAwait(false);
    }

    public abstract Task SendAsync(IReadOnlyList<DecodedRecord> records, bool buffered, CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task LoginAsync(CancellationToken cancellationToken);

    /// <summary>Sends what was encoded into <see cref="Output"/>.</summary>
    protected async Task FlushAsync(CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("not connected");
        await stream.WriteAsync(Output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        Output.ResetWrittenCount();
    }

    protected delegate bool ReplyParser<T>(ref ReadOnlySequence<byte> buffer, out T reply);

    /// <summary>Waits for one whole reply the parser recognises.</summary>
    protected async Task<T> ReadReplyAsync<T>(ReplyParser<T> parser, string expecting, CancellationToken cancellationToken)
    {
        var reader = _reader ?? throw new InvalidOperationException("not connected");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AckTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DeviceLinkException($"{Protocol} device {DeviceId}: no {expecting} within {AckTimeout.TotalSeconds:F0} s");
            }

            var buffer = result.Buffer;
            if (parser(ref buffer, out var reply))
            {
                reader.AdvanceTo(buffer.Start);
                return reply;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new DeviceLinkException($"{Protocol} device {DeviceId}: the server closed the connection while the device waited for {expecting}");
            }
        }
    }

    protected DeviceLinkException Mismatch(string what) => new($"{Protocol} device {DeviceId}: {what}");
}
