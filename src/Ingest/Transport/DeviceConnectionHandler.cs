using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Transport;

/// <summary>
/// The shared read loop for every device protocol, hosted by Kestrel as a connection handler:
/// it owns the pipe checklist (process the buffer before looking at completion, always
/// AdvanceTo(consumed, examined), bound the frame size), lets the protocol session frame and
/// decode, puts the records into the pipeline and only then writes the device's ack.
/// One instance per listener; each connection runs on its own.
/// </summary>
public sealed partial class DeviceConnectionHandler : ConnectionHandler
{
    private readonly IDeviceProtocol _protocol;
    private readonly IngestLimits _limits;
    private readonly int _maxConnections;
    private readonly IngestPipeline _pipeline;
    private readonly IDeviceGate _gate;
    private readonly IngestMetrics _metrics;
    private readonly ILogger _logger;
    private readonly DeviceActivity? _activity;
    private int _open;

    public DeviceConnectionHandler(
        IDeviceProtocol protocol,
        IngestLimits limits,
        int maxConnections,
        IngestPipeline pipeline,
        IDeviceGate gate,
        IngestMetrics metrics,
        ILogger logger,
        DeviceActivity? activity = null)
    {
        _protocol = protocol;
        _limits = limits;
        _maxConnections = maxConnections;
        _pipeline = pipeline;
        _gate = gate;
        _metrics = metrics;
        _logger = logger;
        _activity = activity;
    }

    public string Protocol => _protocol.Name;

    public int OpenConnections => Volatile.Read(ref _open);

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        if (Interlocked.Increment(ref _open) > _maxConnections)
        {
            Interlocked.Decrement(ref _open);
            _metrics.ConnectionRefused(_protocol.Name, "max-connections");
            LogConnectionLimit(_protocol.Name, connection.RemoteEndPoint?.ToString(), _maxConnections);
            connection.Abort(new ConnectionAbortedException("connection limit reached"));
            return;
        }

        _metrics.ConnectionOpened(_protocol.Name);
        var session = _protocol.CreateSession(new Protocols.SessionOptions { MaxFrameBytes = _limits.MaxFrameBytes, Gate = _gate });
        var remote = connection.RemoteEndPoint?.ToString();
        var activity = _activity?.Open(_protocol.Name, remote);
        try
        {
            await ServeAsync(connection, session, remote, activity).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionResetException or IOException or ConnectionAbortedException)
        {
            LogConnectionLost(_protocol.Name, session.DeviceId, remote, ex.Message);
        }
        catch (Exception ex)
        {
            LogConnectionFailed(ex, _protocol.Name, session.DeviceId, remote);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            activity?.Close();
            _metrics.ConnectionClosed(_protocol.Name);
            await connection.Transport.Input.CompleteAsync().ConfigureAwait(false);
            await connection.Transport.Output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ServeAsync(ConnectionContext connection, IProtocolSession session, string? remote, ConnectionActivity? activity)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        var shutdown = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        // Not linked to ConnectionClosed: a device that closes completes the pipe, and what it
        // sent before (a truncated frame) must still be seen.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        timeout.CancelAfter(_limits.LoginTimeout);
        var identified = false;
        long garbage = 0;

        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                CloseForTimeout(session, remote, shutdown.IsCancellationRequested);
                return;
            }

            var buffer = result.Buffer;
            var outcome = Outcome.KeepReading;
            if (!buffer.IsEmpty)
            {
                var workspace = FrameWorkspace.Rent();
                try
                {
                    (outcome, garbage, var consumed) = await ProcessAsync(session, workspace, output, remote, activity, buffer, garbage, shutdown).ConfigureAwait(false);
                    buffer = buffer.Slice(consumed);
                }
                finally
                {
                    FrameWorkspace.Return(workspace);
                }
            }

            if (!identified && session.DeviceId is not null)
            {
                identified = true;
            }

            if (identified)
            {
                // Re-armed on every read: a silent device is let go after the idle timeout.
                timeout.CancelAfter(_limits.IdleTimeout);
            }

            if (outcome == Outcome.Close)
            {
                return;
            }

            if (buffer.Length > _limits.MaxFrameBytes)
            {
                activity?.BadFrame("frame too large");
                _metrics.BadFrame(_protocol.Name, "frame too large");
                LogBadStream(_protocol.Name, session.DeviceId, remote, "frame too large");
                return;
            }

            // Consumed up to the last whole frame; examined everything, so the next read waits for more bytes.
            input.AdvanceTo(buffer.Start, buffer.End);

            if (result.IsCompleted || result.IsCanceled)
            {
                if (!buffer.IsEmpty)
                {
                    activity?.BadFrame("truncated frame at end of stream");
                    _metrics.BadFrame(_protocol.Name, "truncated frame at end of stream");
                    LogBadStream(_protocol.Name, session.DeviceId, remote, "truncated frame at end of stream");
                }

                return;
            }
        }
    }

    private async ValueTask<(Outcome Outcome, long Garbage, SequencePosition Consumed)> ProcessAsync(
        IProtocolSession session,
        FrameWorkspace workspace,
        PipeWriter output,
        string? remote,
        ConnectionActivity? activity,
        ReadOnlySequence<byte> buffer,
        long garbage,
        CancellationToken shutdown)
    {
        var outcome = Outcome.KeepReading;
        var wroteReply = false;
        try
        {
            while (outcome == Outcome.KeepReading && TryReadFrame(session, ref buffer, out var frame, ref garbage))
            {
                var records = workspace.Records;
                var reply = workspace.Reply;
                records.Clear();
                reply.ResetWrittenCount();
                var result = session.Decode(frame, records, reply);
                if (activity is { Identified: false } && session.DeviceId is { } deviceId)
                {
                    activity.Identify(deviceId);
                }

                switch (result.Status)
                {
                    case DecodeStatus.Accepted:
                        await EnqueueAsync(session, records, shutdown).ConfigureAwait(false);
                        activity?.Frame();
                        _metrics.FrameDecoded(_protocol.Name, records.Count);
                        wroteReply |= WriteReply(output, reply);

                        // The garbage bound is for a stream that never finds a frame, not for
                        // occasional line noise over a connection's lifetime.
                        garbage = 0;
                        break;
                    case DecodeStatus.Rejected:
                        // Not acked: the device resends it.
                        activity?.BadFrame(result.Reason ?? "rejected");
                        _metrics.BadFrame(_protocol.Name, result.Reason ?? "rejected");
                        LogBadFrame(_protocol.Name, session.DeviceId, remote, result.Reason);
                        break;
                    default:
                        activity?.BadFrame(result.Reason ?? "closed");
                        _metrics.BadFrame(_protocol.Name, result.Reason ?? "closed");
                        LogClosedByProtocol(_protocol.Name, session.DeviceId, remote, result.Reason);
                        wroteReply |= WriteReply(output, reply);
                        outcome = Outcome.Close;
                        break;
                }
            }

            if (garbage > _limits.MaxGarbageBytes)
            {
                _metrics.ConnectionRefused(_protocol.Name, "garbage");
                LogBadStream(_protocol.Name, session.DeviceId, remote, "too many bytes that start no frame");
                outcome = Outcome.Close;
            }
        }
        catch (FrameException ex)
        {
            activity?.BadFrame(ex.Message);
            _metrics.BadFrame(_protocol.Name, ex.Message);
            LogBadStream(_protocol.Name, session.DeviceId, remote, ex.Message);
            outcome = Outcome.Close;
        }

        if (wroteReply)
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return (outcome, garbage, buffer.Start);
    }

    private bool TryReadFrame(IProtocolSession session, ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, ref long garbage)
    {
        var found = session.TryReadFrame(ref buffer, out frame, out var skipped);
        if (skipped > 0)
        {
            garbage += skipped;
            _metrics.GarbageSkipped(_protocol.Name, skipped);
        }

        return found;
    }

    private async ValueTask EnqueueAsync(IProtocolSession session, RecordBatch records, CancellationToken shutdown)
    {
        if (records.Count == 0)
        {
            return;
        }

        var deviceId = session.DeviceId ?? throw new FrameException("data before login");
        for (var i = 0; i < records.Count; i++)
        {
            await _pipeline.EnqueueAsync(records.ToPositionRecord(i, deviceId), shutdown).ConfigureAwait(false);
        }
    }

    private static bool WriteReply(PipeWriter output, ArrayBufferWriter<byte> reply)
    {
        if (reply.WrittenCount == 0)
        {
            return false;
        }

        output.Write(reply.WrittenSpan);
        return true;
    }

    private void CloseForTimeout(IProtocolSession session, string? remote, bool shuttingDown)
    {
        if (shuttingDown)
        {
            return;
        }

        var reason = session.DeviceId is null ? "login-timeout" : "idle-timeout";
        _metrics.ConnectionRefused(_protocol.Name, reason);
        LogTimeout(_protocol.Name, session.DeviceId, remote, reason);
    }

    private enum Outcome
    {
        KeepReading,
        Close,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol} connection from {Remote} refused: {Max} connections open")]
    private partial void LogConnectionLimit(string protocol, string? remote, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol} frame from device {DeviceId} ({Remote}) refused: {Reason}")]
    private partial void LogBadFrame(string protocol, string? deviceId, string? remote, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol} connection of device {DeviceId} ({Remote}) closed: {Reason}")]
    private partial void LogBadStream(string protocol, string? deviceId, string? remote, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Protocol} connection of device {DeviceId} ({Remote}) closed by the protocol: {Reason}")]
    private partial void LogClosedByProtocol(string protocol, string? deviceId, string? remote, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} connection of device {DeviceId} ({Remote}) closed: {Reason}")]
    private partial void LogTimeout(string protocol, string? deviceId, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Protocol} connection of device {DeviceId} ({Remote}) lost: {Reason}")]
    private partial void LogConnectionLost(string protocol, string? deviceId, string? remote, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Protocol} connection of device {DeviceId} ({Remote}) failed")]
    private partial void LogConnectionFailed(Exception ex, string protocol, string? deviceId, string? remote);
}
