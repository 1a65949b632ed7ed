using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Pipeline.Filters;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline;

/// <summary>
/// One partition: a bounded queue (whose fullness makes device reads wait) and the single task
/// that owns the state of every vehicle hashed to it — dedupe, reorder window, filters — and
/// hands released records to the consumers in device-time order per vehicle.
/// </summary>
internal sealed class PipelinePartition
{
    private readonly Channel<PositionRecord?> _queue;
    private readonly Dictionary<string, VehicleStream> _vehicles = new(StringComparer.Ordinal);
    private readonly HashSet<VehicleStream> _withPending = [];
    private readonly List<(PositionRecord Record, bool Late)> _released = [];
    private readonly List<VehicleStream> _drained = [];
    private readonly IRecordFilter[] _filters;
    private readonly IReadOnlyList<IPositionConsumer> _consumers;
    private readonly PipelineOptions _options;
    private readonly DeviceRegistry? _registry;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _windowTicks;

    public PipelinePartition(
        PipelineOptions options,
        IRecordFilter[] filters,
        IReadOnlyList<IPositionConsumer> consumers,
        DeviceRegistry? registry,
        IngestMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _filters = filters;
        _consumers = consumers;
        _registry = registry;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _windowTicks = (long)(options.ReorderWindow.TotalSeconds * time.TimestampFrequency);
        _queue = Channel.CreateBounded<PositionRecord?>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public int QueuedCount => _queue.Reader.Count;

    /// <summary>Waits while the queue is full: this is the backpressure that slows device reads.</summary>
    public ValueTask EnqueueAsync(PositionRecord record, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync(record, cancellationToken);

    /// <summary>A wake-up so that records whose reorder wait is over are released while no new data comes.</summary>
    public void Tick() => _queue.Writer.TryWrite(null);

    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // At most a queue's worth per round, then release: with fast writers an unbounded read
            // would move the whole backlog into the reorder buffers and defeat the backpressure.
            var budget = _options.QueueCapacity;
            while (budget-- > 0 && reader.TryRead(out var record))
            {
                if (record is not null)
                {
                    Accept(record);
                }
            }

            await ReleaseAsync(force: false).ConfigureAwait(false);
        }

        // Shutdown: the writers are done, so nothing more can arrive; release everything.
        await ReleaseAsync(force: true).ConfigureAwait(false);
    }

    private void Accept(PositionRecord record)
    {
        if (!_vehicles.TryGetValue(record.DeviceId, out var stream))
        {
            stream = new VehicleStream(record.DeviceId, _options.DuplicateHistory);
            _vehicles.Add(record.DeviceId, stream);
        }

        if (!stream.TryAdd(record, _time.GetTimestamp()))
        {
            _metrics.RecordDropped("duplicate");
            return;
        }

        _withPending.Add(stream);
    }

    private async ValueTask ReleaseAsync(bool force)
    {
        if (_withPending.Count == 0)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var nowUtc = _time.GetUtcNow().UtcDateTime;
        foreach (var stream in _withPending)
        {
            _released.Clear();
            stream.ReleaseDue(now, _windowTicks, force, _released);
            foreach (var (record, late) in _released)
            {
                await DeliverAsync(stream, record, late, nowUtc).ConfigureAwait(false);
            }

            if (!stream.HasPending)
            {
                _drained.Add(stream);
            }
        }

        foreach (var stream in _drained)
        {
            _withPending.Remove(stream);
        }

        _drained.Clear();
    }

    private async ValueTask DeliverAsync(VehicleStream stream, PositionRecord record, bool late, DateTime nowUtc)
    {
        foreach (var filter in _filters)
        {
            if (filter.Drops(record, late ? null : stream.LastAccepted, nowUtc))
            {
                _metrics.RecordDropped(filter.Name);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.LogDebug("Record of {DeviceId} at {Time:o} dropped by filter {Filter}", record.DeviceId, record.Time, filter.Name);
                }

                return;
            }
        }

        if (!late)
        {
            stream.LastAccepted = record;
        }

        DeviceEntry? vehicle = null;
        _registry?.TryGet(record.DeviceId, out vehicle);
        var position = new IngestedPosition(record, vehicle, late);
        foreach (var consumer in _consumers)
        {
            try
            {
                await consumer.OnPositionAsync(position, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // One failing consumer must not stop the others nor the partition.
                _logger.LogError(ex, "Consumer {Consumer} failed on a record of {DeviceId}", consumer.GetType().Name, record.DeviceId);
            }
        }

        _metrics.RecordDelivered();
    }
}
