using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Pipeline;
using Telematics.Rules.Geometry;
using Telematics.Rules.Profiles;

namespace Telematics.Ingest.Reports;

/// <summary>
/// Counts kilometres driven for the monthly reports: the great-circle distance between each
/// vehicle's consecutive accepted, in-order, valid positions, summed per vehicle and LOCAL day
/// (a step is counted on the day of its later position), written to <c>distance_daily</c> every
/// <see cref="DistanceLedgerOptions.FlushInterval"/> and at shutdown. Steps faster than
/// <see cref="DistanceLedgerOptions.MaxImpliedSpeedKmh"/> are jumps and not counted.
/// A hosted service registered before the pipeline, so it flushes after the pipeline drained.
/// </summary>
public sealed partial class DistanceLedger : IPositionConsumer, IHostedService, IDisposable
{
    private readonly DistanceDailyStore _store;
    private readonly DistanceLedgerOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger<DistanceLedger> _logger;

    // Per vehicle: written only by the vehicle's partition task.
    private readonly ConcurrentDictionary<string, LastFix> _last = new(StringComparer.Ordinal);
    private readonly Lock _pendingLock = new();
    private Dictionary<(string DeviceId, DateOnly Day), Pending> _pending = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _flushing = Task.CompletedTask;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    public DistanceLedger(DistanceDailyStore store, IOptions<DistanceLedgerOptions> options, ILogger<DistanceLedger> logger)
    {
        _store = store;
        _options = options.Value;
        _zone = TimeZones.Find(_options.TimeZone);
        _logger = logger;
    }

    public ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken)
    {
        var record = position.Record;
        if (position.Late || !record.Valid)
        {
            return ValueTask.CompletedTask;
        }

        if (!_last.TryGetValue(record.DeviceId, out var last))
        {
            _last[record.DeviceId] = new LastFix { Lat = record.Lat, Lon = record.Lon, Time = record.Time };
            return ValueTask.CompletedTask;
        }

        if (record.Time <= last.Time)
        {
            return ValueTask.CompletedTask;
        }

        var metres = GeoDistance.HaversineMeters(last.Lat, last.Lon, record.Lat, record.Lon);
        var seconds = (record.Time - last.Time).TotalSeconds;
        last.Lat = record.Lat;
        last.Lon = record.Lon;
        last.Time = record.Time;
        if (metres <= 0 || metres / seconds * 3.6 > _options.MaxImpliedSpeedKmh)
        {
            return ValueTask.CompletedTask;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(record.Time, DateTimeKind.Utc), _zone));
        lock (_pendingLock)
        {
            if (!_pending.TryGetValue((record.DeviceId, day), out var pending))
            {
                pending = new Pending();
                _pending.Add((record.DeviceId, day), pending);
            }

            pending.Metres += metres;
            pending.Operator = position.Vehicle?.Operator ?? pending.Operator;
            pending.Plate = position.Vehicle?.Plate ?? pending.Plate;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the metres counted since the last flush. On failure they stay pending for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Dictionary<(string DeviceId, DateOnly Day), Pending> batch;
        lock (_pendingLock)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = [];
        }

        try
        {
            await _store.AddAsync(batch.Select(p => new DistanceDay(p.Key.DeviceId, p.Key.Day, p.Value.Metres, p.Value.Operator, p.Value.Plate)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or OperationCanceledException)
        {
            LogFlushFailed(batch.Count, ex.Message);
            lock (_pendingLock)
            {
                foreach (var (key, value) in batch)
                {
                    if (_pending.TryGetValue(key, out var newer))
                    {
                        newer.Metres += value.Metres;
                    }
                    else
                    {
                        _pending.Add(key, value);
                    }
                }
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _flushing = FlushPeriodicallyAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Flushes what is left. Runs once: a host stopped twice gets the same flush.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopped ??= StopOnceAsync();
        }
    }

    private async Task StopOnceAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _flushing.ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task FlushPeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    private sealed class LastFix
    {
        public double Lat;
        public double Lon;
        public DateTime Time;
    }

    private sealed class Pending
    {
        public double Metres;
        public string? Operator;
        public string? Plate;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kilometres of {Count} vehicle-days not written to distance_daily, retried at the next flush: {Reason}")]
    private partial void LogFlushFailed(int count, string reason);
}
