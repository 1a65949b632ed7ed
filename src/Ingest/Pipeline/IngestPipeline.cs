using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Pipeline.Filters;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline;

/// <summary>
/// From codecs to consumers: records are hashed by device id to a partition (single writer per
/// vehicle), queued with bounded capacity, deduplicated, reordered within a window, filtered,
/// and handed to every <see cref="IPositionConsumer"/>. Stopping drains every queue.
/// Thread-safe for writers.
/// </summary>
public sealed class IngestPipeline : IHostedService, IAsyncDisposable
{
    private readonly PipelinePartition[] _partitions;
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestPipeline> _logger;
    private readonly CancellationTokenSource _stopTicks = new();
    private Task[] _running = [];
    private Task _ticker = Task.CompletedTask;
    private Task? _stopping;

    public IngestPipeline(
        IOptions<PipelineOptions> options,
        IEnumerable<IPositionConsumer> consumers,
        IngestMetrics metrics,
        ILogger<IngestPipeline> logger,
        DeviceRegistry? registry = null,
        TimeProvider? time = null)
    {
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        _logger = logger;
        var consumerList = consumers.ToArray();
        _partitions = new PipelinePartition[Math.Max(1, _options.Partitions)];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new PipelinePartition(_options, CreateFilters(_options.Filters), consumerList, registry, metrics, _time, logger);
        }
    }

    public int PartitionCount => _partitions.Length;

    /// <summary>Records waiting in the partition queues.</summary>
    public int QueuedCount => _partitions.Sum(p => p.QueuedCount);

    /// <summary>
    /// Puts a record into its vehicle's partition. Completes when it is queued: waits while the
    /// partition is full, which is how a slow consumer slows the device reads.
    /// </summary>
    public ValueTask EnqueueAsync(PositionRecord record, CancellationToken cancellationToken = default) =>
        PartitionOf(record.DeviceId).EnqueueAsync(record, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = _partitions.Select(p => Task.Run(p.RunAsync, CancellationToken.None)).ToArray();
        if (_options.ReorderWindow > TimeSpan.Zero)
        {
            _ticker = TickAsync(_stopTicks.Token);
        }

        return Task.CompletedTask;
    }

    /// <summary>Drains: no new records are taken, every queued and held record is delivered. Idempotent.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_partitions)
        {
            _stopping ??= DrainAsync();
        }

        return _stopping.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task DrainAsync()
    {
        await _stopTicks.CancelAsync().ConfigureAwait(false);
        foreach (var partition in _partitions)
        {
            partition.Complete();
        }

        await Task.WhenAll(_running.Append(_ticker)).ConfigureAwait(false);
        _logger.LogInformation("Pipeline drained");
    }

    private PipelinePartition PartitionOf(string deviceId)
    {
        // A stable hash (not string.GetHashCode, which is randomised per process): the same
        // vehicle lands on the same partition on every node, as the scale-out plan needs.
        var hash = 2166136261u;
        foreach (var c in deviceId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return _partitions[hash % (uint)_partitions.Length];
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 20, _options.ReorderWindow.Ticks / 4));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var partition in _partitions)
                {
                    partition.Tick();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static IRecordFilter[] CreateFilters(FilterOptions options)
    {
        var filters = new List<IRecordFilter> { new OutOfRangeFilter() };
        if (options.InvalidFix)
        {
            filters.Add(new InvalidFixFilter());
        }

        if (options.ZeroCoordinates)
        {
            filters.Add(new ZeroCoordinatesFilter());
        }

        if (options.FutureTolerance > TimeSpan.Zero)
        {
            filters.Add(new FutureTimeFilter(options.FutureTolerance));
        }

        if (options.MaxImpliedSpeedKmh > 0)
        {
            filters.Add(new ImpossibleSpeedFilter(options.MaxImpliedSpeedKmh, options.MaxConsecutiveSpikes));
        }

        return filters.ToArray();
    }
}
