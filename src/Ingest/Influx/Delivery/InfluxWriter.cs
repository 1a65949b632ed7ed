using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Influx.Spool;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Influx.Delivery;

/// <summary>
/// Delivers points to InfluxDB: callers render lines into the current batch (under a short lock,
/// nothing allocated); a batch full (BatchSize) or old (FlushInterval) goes to a bounded queue that
/// <c>Writers</c> tasks post, retrying 5xx/429/timeouts/refusals with backoff and jitter a few
/// times. A batch that cannot be delivered, or does not fit the queue (InfluxDB slower than
/// ingest), goes to the <see cref="DiskSpool"/>; while InfluxDB is down every batch does, and one
/// supervisor task probes it with backoff and replays the spool oldest first once it answers.
/// Lines InfluxDB refuses (400) are found by bisection and kept in the dead-letter file. Memory
/// is bounded by the queue; disk by the spool quota, whose overflow is an alarm (log + metric).
/// Stopping flushes, lets the writers finish within ShutdownTimeout, and spools the rest.
/// </summary>
public sealed partial class InfluxWriter : IHostedService, IAsyncDisposable
{
    private const int MaxLoggedRejections = 10;

    private readonly InfluxOptions _options;
    private readonly InfluxHttpClient _client;
    private readonly DiskSpool _spool;
    private readonly DeadLetterFile _deadLetters;
    private readonly InfluxMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Channel<LineBuffer> _ready;
    private readonly ConcurrentQueue<LineBuffer> _free = new();
    private readonly int _maxFree;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly SemaphoreSlim _spoolSignal = new(0, int.MaxValue);
    private readonly TaskCompletionSource _firstProbe = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _quotaGate = new();
    private LineBuffer _current;
    private long _currentStarted;
    private Task[] _tasks = [];
    private volatile bool _healthy;
    private volatile bool _stopped;
    private bool _outageLogged;
    private bool _quotaAlarmOn;
    private long _lastQuotaLog;
    private long _droppedSinceLog;

    private readonly Lock _stopLock = new();
    private Task? _stopping;

    public InfluxWriter(InfluxOptions options, InfluxHttpClient client, DiskSpool spool, DeadLetterFile deadLetters, InfluxMetrics metrics, ILogger<InfluxWriter> logger)
    {
        _options = options;
        _client = client;
        _spool = spool;
        _deadLetters = deadLetters;
        _metrics = metrics;
        _logger = logger;
        var queued = Math.Max(1, options.MaxBufferedPoints / Math.Max(1, options.BatchSize));
        _ready = Channel.CreateBounded<LineBuffer>(new BoundedChannelOptions(queued) { FullMode = BoundedChannelFullMode.Wait });
        _maxFree = queued + options.Writers + 2;
        _current = Rent();
    }

    /// <summary>True while InfluxDB answers (false until the first probe succeeds, and during an outage).</summary>
    public bool IsHealthy => _healthy;

    public DiskSpool Spool => _spool;

    /// <summary>Full batches waiting for a writer (in memory).</summary>
    public int QueuedBatches => _ready.Reader.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var tasks = new List<Task> { Task.Run(SuperviseAsync, CancellationToken.None), Task.Run(FlushLoopAsync, CancellationToken.None) };
        for (var i = 0; i < Math.Max(1, _options.Writers); i++)
        {
            tasks.Add(Task.Run(WriteLoopAsync, CancellationToken.None));
        }

        _tasks = [.. tasks];
        return Task.CompletedTask;
    }

    /// <summary>Adds a position to the current batch. Never waits on InfluxDB; at worst it appends a full batch to the spool file.</summary>
    public void Write(PositionRecord record, DeviceEntry? vehicle, bool late)
    {
        lock (_gate)
        {
            StartLineLocked();
            PositionLine.Write(_current, record, vehicle, late);
            SealIfFullLocked();
        }
    }

    /// <summary>Adds a violation point (the rules engine's API).</summary>
    public void WriteViolation(ViolationPoint violation)
    {
        lock (_gate)
        {
            StartLineLocked();
            EventLines.Write(_current, violation);
            SealIfFullLocked();
        }
    }

    /// <summary>Adds a device connection event (connected, disconnected, bad frame).</summary>
    public void WriteDeviceEvent(DeviceEventPoint point)
    {
        lock (_gate)
        {
            StartLineLocked();
            EventLines.Write(_current, point);
            SealIfFullLocked();
        }
    }

    /// <summary>Hands the current partial batch to the writers now (tests, shutdown).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_current.Lines > 0)
            {
                SealLocked();
            }
        }
    }

    /// <summary>Flushes, lets the writers finish within ShutdownTimeout and spools the rest. Runs once: later or concurrent calls get the same task.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_current.Lines > 0)
            {
                SealLocked();
            }

            _stopped = true;
            _ready.Writer.TryComplete();
        }

        _abort.CancelAfter(_options.ShutdownTimeout);
        using (cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _abort))
        {
            await Task.WhenAll(_tasks).ConfigureAwait(false);
        }

        // Anything a late caller added after the queue closed.
        lock (_gate)
        {
            if (_current.Lines > 0)
            {
                SpoolBatch(_current);
                _current.Clear();
            }
        }

        var pending = _spool.PendingBatches;
        if (pending > 0)
        {
            LogStoppedWithSpool(pending, _spool.DirectoryPath);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _abort.Dispose();
        _spoolSignal.Dispose();
        _current.Dispose();
        while (_free.TryDequeue(out var buffer))
        {
            buffer.Dispose();
        }
    }

    private void StartLineLocked()
    {
        if (_current.Lines == 0)
        {
            _currentStarted = Environment.TickCount64;
        }
    }

    private void SealIfFullLocked()
    {
        if (_current.Lines >= _options.BatchSize)
        {
            SealLocked();
        }
    }

    private void SealLocked()
    {
        var batch = _current;
        _current = Rent();
        if (_stopped || !_ready.Writer.TryWrite(batch))
        {
            // The writers are behind (or gone): the batch waits on disk instead of in memory.
            SpoolBatch(batch);
            Return(batch);
        }
    }

    private async Task FlushLoopAsync()
    {
        var period = TimeSpan.FromMilliseconds(Math.Max(10, _options.FlushInterval.TotalMilliseconds / 4));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    if (_current.Lines > 0 && Environment.TickCount64 - _currentStarted >= _options.FlushInterval.TotalMilliseconds)
                    {
                        SealLocked();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync seals the last batch.
        }
    }

    private async Task WriteLoopAsync()
    {
        await _firstProbe.Task.ConfigureAwait(false);
        await foreach (var batch in _ready.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await DeliverAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(ex);
                SpoolBatch(batch);
            }
            finally
            {
                Return(batch);
            }
        }
    }

    private async Task DeliverAsync(LineBuffer batch)
    {
        if (!_healthy || _abort.IsCancellationRequested)
        {
            SpoolBatch(batch);
            return;
        }

        var outcome = await PostWithRetriesAsync(batch.WrittenMemory).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case WriteStatus.Written:
                _metrics.Written(batch.Lines);
                break;
            case WriteStatus.Rejected when await ResolveRejectedAsync(batch.WrittenMemory, batch.Lines, outcome).ConfigureAwait(false):
                break;
            default:
                MarkUnhealthy(outcome);
                SpoolBatch(batch);
                break;
        }
    }

    private async Task<WriteOutcome> PostWithRetriesAsync(ReadOnlyMemory<byte> lines)
    {
        var attempt = 0;
        while (true)
        {
            WriteOutcome outcome;
            try
            {
                outcome = await _client.WriteAsync(lines, _abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new WriteOutcome(WriteStatus.Retry, 0, "shutting down");
            }

            if (outcome.Status != WriteStatus.Retry || ++attempt >= _options.MaxAttempts || !_healthy)
            {
                return outcome;
            }

            _metrics.Retried();
            try
            {
                await Task.Delay(Backoff.Delay(attempt - 1, _options.RetryBaseDelay, _options.MaxRetryDelay, outcome.RetryAfter), _abort.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return outcome;
            }
        }
    }

    /// <summary>
    /// A 400 (or 413): InfluxDB stored the lines it could and names one reason. Posting halves of
    /// the batch again (stored lines just overwrite themselves) narrows it down to the lines it
    /// refuses, which go to the dead-letter file. False when InfluxDB stopped answering meanwhile
    /// (the caller then spools the whole batch).
    /// </summary>
    private async Task<bool> ResolveRejectedAsync(ReadOnlyMemory<byte> lines, int lineCount, WriteOutcome first)
    {
        LogBatchRejected(lineCount, first.HttpStatus, first.Error);
        var ends = LineEnds(lines.Span);
        var refused = 0;
        var pending = new Stack<(int From, int To, WriteOutcome Outcome)>();
        pending.Push((0, ends.Count, first));
        while (pending.Count > 0)
        {
            var (from, to, outcome) = pending.Pop();
            if (to - from == 1)
            {
                var line = Slice(lines, ends, from, to);
                _deadLetters.Append($"{outcome.HttpStatus} {outcome.Error}", line.Span);
                if (refused++ < MaxLoggedRejections)
                {
                    LogDeadLetter(outcome.Error, _deadLetters.Path, System.Text.Encoding.UTF8.GetString(line.Span.TrimEnd((byte)'\n')));
                }

                continue;
            }

            var mid = from + ((to - from) / 2);
            foreach (var (a, b) in new[] { (from, mid), (mid, to) })
            {
                var half = await PostWithRetriesAsync(Slice(lines, ends, a, b)).ConfigureAwait(false);
                if (half.Status == WriteStatus.Rejected)
                {
                    pending.Push((a, b, half));
                }
                else if (half.Status == WriteStatus.Retry)
                {
                    return false;
                }
            }
        }

        if (refused > MaxLoggedRejections)
        {
            LogMoreDeadLetters(refused - MaxLoggedRejections, _deadLetters.Path);
        }

        _metrics.DeadLettered(refused);
        _metrics.Written(lineCount - refused);
        return true;
    }

    private static List<int> LineEnds(ReadOnlySpan<byte> lines)
    {
        var ends = new List<int>();
        var offset = 0;
        while (offset < lines.Length)
        {
            var newline = lines[offset..].IndexOf((byte)'\n');
            offset = newline < 0 ? lines.Length : offset + newline + 1;
            ends.Add(offset);
        }

        return ends;
    }

    private static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> lines, List<int> ends, int from, int to)
    {
        var start = from == 0 ? 0 : ends[from - 1];
        return lines[start..ends[to - 1]];
    }

    /// <summary>Connects (creating the database when missing), and while InfluxDB answers replays the spool oldest first.</summary>
    private async Task SuperviseAsync()
    {
        var attempt = 0;
        using var replay = new LineBuffer();
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (!_healthy)
                {
                    var failure = await TryConnectAsync(token).ConfigureAwait(false);
                    if (failure is null)
                    {
                        attempt = 0;
                        var backlog = _spool.PendingBatches;
                        if (_outageLogged)
                        {
                            LogBackOnline(_options.SafeUrl, backlog);
                            _outageLogged = false;
                        }
                        else
                        {
                            LogConnected(_options.SafeUrl, _options.Database, _options.RetentionPolicy, _options.RetentionDays, backlog);
                        }

                        _healthy = true;
                        _firstProbe.TrySetResult();
                    }
                    else
                    {
                        MarkUnhealthy(new WriteOutcome(WriteStatus.Retry, 0, failure));
                        _firstProbe.TrySetResult();
                        await Task.Delay(Backoff.Delay(attempt++, _options.RetryBaseDelay, _options.MaxRetryDelay), token).ConfigureAwait(false);
                        continue;
                    }
                }

                if (!_spool.TryPeek(replay, out var position))
                {
                    await _spoolSignal.WaitAsync(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                    continue;
                }

                var outcome = await PostWithRetriesAsync(replay.WrittenMemory).ConfigureAwait(false);
                if (outcome.Status == WriteStatus.Written
                    || (outcome.Status == WriteStatus.Rejected && await ResolveRejectedAsync(replay.WrittenMemory, replay.Lines, outcome).ConfigureAwait(false)))
                {
                    if (outcome.Status == WriteStatus.Written)
                    {
                        _metrics.Written(replay.Lines);
                    }

                    _spool.Acknowledge(position);
                    _metrics.Replayed();
                    ClearQuotaAlarmIfRoom();
                }
                else if (!token.IsCancellationRequested)
                {
                    MarkUnhealthy(outcome);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is still spooled is replayed at the next start.
        }
        finally
        {
            _firstProbe.TrySetResult();
        }
    }

    private async Task<string?> TryConnectAsync(CancellationToken token)
    {
        try
        {
            await _client.EnsureDatabaseAsync(token).ConfigureAwait(false);
            return null;
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : ex.Message;
        }
        catch (InfluxQueryException ex)
        {
            return ex.Message;
        }
        catch (TaskCanceledException) when (!token.IsCancellationRequested)
        {
            return $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s";
        }
    }

    private void MarkUnhealthy(WriteOutcome outcome)
    {
        _healthy = false;
        lock (_quotaGate)
        {
            if (_outageLogged || _stopped)
            {
                return;
            }

            _outageLogged = true;
        }

        var reason = outcome.HttpStatus == 0 ? outcome.Error : $"{outcome.HttpStatus} {outcome.Error}";
        LogOutage(_options.SafeUrl, reason, _spool.DirectoryPath, _spool.QuotaBytes / (1024 * 1024));
    }

    private void SpoolBatch(LineBuffer batch)
    {
        if (batch.Lines == 0)
        {
            return;
        }

        if (_spool.TryAppend(batch.WrittenSpan, batch.Lines))
        {
            _metrics.Spooled(batch.Length + SpoolRecordHeader.Size);
            _spoolSignal.Release();
            return;
        }

        _metrics.QuotaReached(batch.Lines);
        lock (_quotaGate)
        {
            _droppedSinceLog += batch.Lines;
            var now = Environment.TickCount64;
            if (!_quotaAlarmOn || now - _lastQuotaLog >= 10_000)
            {
                _quotaAlarmOn = true;
                _lastQuotaLog = now;
                LogQuotaReached(_spool.QuotaBytes, _spool.DirectoryPath, _droppedSinceLog, _metrics.QuotaDroppedPoints, _healthy ? "answers but is slower than ingest" : "is not reachable");
                _droppedSinceLog = 0;
            }
        }
    }

    private void ClearQuotaAlarmIfRoom()
    {
        lock (_quotaGate)
        {
            if (_quotaAlarmOn && _spool.TotalBytes < _spool.QuotaBytes / 2)
            {
                _quotaAlarmOn = false;
                LogQuotaCleared(_spool.DirectoryPath, _metrics.QuotaDroppedPoints);
            }
        }
    }

    private LineBuffer Rent() =>
        _free.TryDequeue(out var buffer) ? buffer : new LineBuffer(Math.Min(_options.BatchSize, 100_000) * 256);

    private void Return(LineBuffer buffer)
    {
        buffer.Clear();
        if (_free.Count < _maxFree)
        {
            _free.Enqueue(buffer);
        }
        else
        {
            buffer.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB time series: writing to {Url}, database {Database}, retention policy {RetentionPolicy} ({RetentionDays} days); {Spooled} spooled batches to replay")]
    private partial void LogConnected(string url, string database, string retentionPolicy, int retentionDays, int spooled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB not reachable at {Url} ({Reason}): points are being spooled to {SpoolDirectory} (quota {QuotaMb} MB) and will be written when it answers again")]
    private partial void LogOutage(string url, string? reason, string spoolDirectory, long quotaMb);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB reachable again at {Url}: replaying {Batches} spooled batches")]
    private partial void LogBackOnline(string url, int batches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB refused part of a {Lines}-line batch ({Status} {Error}); the other lines are stored, looking for the refused ones")]
    private partial void LogBatchRejected(int lines, int status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB refused a line ({Error}); kept in {DeadLetterPath}: {Line}")]
    private partial void LogDeadLetter(string? error, string deadLetterPath, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB refused {Count} more lines of that batch; all are in {DeadLetterPath}")]
    private partial void LogMoreDeadLetters(int count, string deadLetterPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "ALARM: InfluxDB spool quota of {QuotaBytes} bytes reached in {SpoolDirectory}: {Points} points DROPPED ({Total} in all). InfluxDB {State}; free disk space or raise Telematics:Influx:SpoolQuotaBytes")]
    private partial void LogQuotaReached(long quotaBytes, string spoolDirectory, long points, long total, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB spool {SpoolDirectory} below half its quota again ({Total} points were dropped while it was full)")]
    private partial void LogQuotaCleared(string spoolDirectory, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "InfluxDB delivery failed unexpectedly; batch spooled")]
    private partial void LogDeliveryFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB sink stopped with {Batches} batches in the spool {SpoolDirectory}; they are replayed at the next start")]
    private partial void LogStoppedWithSpool(int batches, string spoolDirectory);
}
