using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Telematics.Ingest.Metrics;

/// <summary>
/// The ingest counters, published on the "Telematics.Ingest" meter (System.Diagnostics.Metrics,
/// readable by dotnet-counters, OpenTelemetry or our /metrics page) and kept as plain totals too,
/// for the periodic progress log and for tests. Thread-safe.
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "Telematics.Ingest";

    private readonly Meter _meter;
    private readonly Counter<long> _connections;
    private readonly UpDownCounter<long> _activeConnections;
    private readonly Counter<long> _connectionsRefused;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _badFrames;
    private readonly Counter<long> _garbageBytes;
    private readonly Counter<long> _records;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _unknownDevices;
    private readonly ConcurrentDictionary<string, long> _droppedByReason = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _badByReason = new(StringComparer.Ordinal);
    private long _recordsTotal;
    private long _framesTotal;
    private long _badFramesTotal;
    private long _activeTotal;
    private long _deliveredTotal;

    public IngestMetrics()
        : this(null)
    {
    }

    public IngestMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _connections = _meter.CreateCounter<long>("telematics.ingest.connections", "{connection}", "Device connections opened");
        _activeConnections = _meter.CreateUpDownCounter<long>("telematics.ingest.connections.active", "{connection}", "Device connections open now");
        _connectionsRefused = _meter.CreateCounter<long>("telematics.ingest.connections.refused", "{connection}", "Connections closed by a limit (max connections, login timeout, idle, garbage)");
        _frames = _meter.CreateCounter<long>("telematics.ingest.frames", "{frame}", "Frames decoded");
        _badFrames = _meter.CreateCounter<long>("telematics.ingest.frames.bad", "{frame}", "Frames refused (bad checksum, malformed, unframeable)");
        _garbageBytes = _meter.CreateCounter<long>("telematics.ingest.garbage", "By", "Bytes skipped before a frame start");
        _records = _meter.CreateCounter<long>("telematics.ingest.records", "{record}", "Records accepted into the pipeline");
        _dropped = _meter.CreateCounter<long>("telematics.ingest.records.dropped", "{record}", "Records dropped by a named filter or as duplicates");
        _unknownDevices = _meter.CreateCounter<long>("telematics.ingest.devices.unknown", "{device}", "Logins of devices not in the registry");
    }

    public long RecordsTotal => Interlocked.Read(ref _recordsTotal);

    public long FramesTotal => Interlocked.Read(ref _framesTotal);

    public long BadFramesTotal => Interlocked.Read(ref _badFramesTotal);

    public long ActiveConnections => Interlocked.Read(ref _activeTotal);

    /// <summary>Records that passed every filter and reached the consumers.</summary>
    public long DeliveredTotal => Interlocked.Read(ref _deliveredTotal);

    /// <summary>Dropped records by reason (filter name, "duplicate").</summary>
    public IReadOnlyDictionary<string, long> DroppedByReason => _droppedByReason;

    public IReadOnlyDictionary<string, long> BadFramesByReason => _badByReason;

    public void ConnectionOpened(string protocol)
    {
        _connections.Add(1, new KeyValuePair<string, object?>("protocol", protocol));
        _activeConnections.Add(1, new KeyValuePair<string, object?>("protocol", protocol));
        Interlocked.Increment(ref _activeTotal);
    }

    public void ConnectionClosed(string protocol)
    {
        _activeConnections.Add(-1, new KeyValuePair<string, object?>("protocol", protocol));
        Interlocked.Decrement(ref _activeTotal);
    }

    public void ConnectionRefused(string protocol, string reason) =>
        _connectionsRefused.Add(1, new("protocol", protocol), new("reason", reason));

    public void FrameDecoded(string protocol, int records)
    {
        _frames.Add(1, new KeyValuePair<string, object?>("protocol", protocol));
        Interlocked.Increment(ref _framesTotal);
        if (records > 0)
        {
            _records.Add(records, new KeyValuePair<string, object?>("protocol", protocol));
            Interlocked.Add(ref _recordsTotal, records);
        }
    }

    public void BadFrame(string protocol, string reason)
    {
        _badFrames.Add(1, new("protocol", protocol), new("reason", reason));
        Interlocked.Increment(ref _badFramesTotal);
        _badByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    public void GarbageSkipped(string protocol, long bytes) =>
        _garbageBytes.Add(bytes, new KeyValuePair<string, object?>("protocol", protocol));

    public void RecordDropped(string reason)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        _droppedByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    public void RecordDelivered() => Interlocked.Increment(ref _deliveredTotal);

    public void UnknownDevice(bool accepted) =>
        _unknownDevices.Add(1, new KeyValuePair<string, object?>("accepted", accepted));

    public void Dispose() => _meter.Dispose();
}
