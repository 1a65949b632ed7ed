using System.Diagnostics.Metrics;

namespace Telematics.Ingest.Influx;

/// <summary>
/// Counters of the InfluxDB sink on the "Telematics.Ingest.Influx" meter, and the same totals as
/// plain numbers for /metrics, the log and tests. Thread-safe.
/// </summary>
public sealed class InfluxMetrics : IDisposable
{
    public const string MeterName = "Telematics.Ingest.Influx";

    private readonly Meter _meter;
    private readonly Counter<long> _points;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _spooledBatches;
    private readonly Counter<long> _spooledBytes;
    private readonly Counter<long> _replayedBatches;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _quotaAlarms;
    private readonly Counter<long> _quotaDropped;
    private long _pointsTotal;
    private long _batchesTotal;
    private long _retriesTotal;
    private long _spooledBatchesTotal;
    private long _spooledBytesTotal;
    private long _replayedTotal;
    private long _deadLettersTotal;
    private long _quotaAlarmsTotal;
    private long _quotaDroppedTotal;

    public InfluxMetrics(IMeterFactory? meterFactory = null, Func<long>? spoolBytes = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _points = _meter.CreateCounter<long>("telematics.influx.points.written", "{point}", "Points InfluxDB acknowledged");
        _batches = _meter.CreateCounter<long>("telematics.influx.batches.written", "{batch}", "Write requests InfluxDB acknowledged");
        _retries = _meter.CreateCounter<long>("telematics.influx.retries", "{request}", "Write requests tried again (5xx, 429, timeout, refused)");
        _spooledBatches = _meter.CreateCounter<long>("telematics.influx.spool.batches", "{batch}", "Batches written to the disk spool");
        _spooledBytes = _meter.CreateCounter<long>("telematics.influx.spool.bytes", "By", "Bytes written to the disk spool");
        _replayedBatches = _meter.CreateCounter<long>("telematics.influx.spool.replayed", "{batch}", "Spooled batches delivered");
        _deadLetters = _meter.CreateCounter<long>("telematics.influx.dead_letters", "{line}", "Lines InfluxDB refused, kept in the dead-letter file");
        _quotaAlarms = _meter.CreateCounter<long>("telematics.influx.spool.quota_alarms", "{batch}", "Batches that did not fit the spool quota");
        _quotaDropped = _meter.CreateCounter<long>("telematics.influx.spool.quota_dropped", "{point}", "Points lost because the spool quota was reached");
        if (spoolBytes is not null)
        {
            _meter.CreateObservableGauge("telematics.influx.spool.size", spoolBytes, "By", "Bytes in the disk spool now");
        }
    }

    public long PointsWritten => Interlocked.Read(ref _pointsTotal);

    public long BatchesWritten => Interlocked.Read(ref _batchesTotal);

    public long Retries => Interlocked.Read(ref _retriesTotal);

    public long SpooledBatches => Interlocked.Read(ref _spooledBatchesTotal);

    public long SpooledBytes => Interlocked.Read(ref _spooledBytesTotal);

    public long ReplayedBatches => Interlocked.Read(ref _replayedTotal);

    public long DeadLetters => Interlocked.Read(ref _deadLettersTotal);

    public long QuotaAlarms => Interlocked.Read(ref _quotaAlarmsTotal);

    public long QuotaDroppedPoints => Interlocked.Read(ref _quotaDroppedTotal);

    public void Written(int points)
    {
        _points.Add(points);
        _batches.Add(1);
        Interlocked.Add(ref _pointsTotal, points);
        Interlocked.Increment(ref _batchesTotal);
    }

    public void Retried()
    {
        _retries.Add(1);
        Interlocked.Increment(ref _retriesTotal);
    }

    public void Spooled(int bytes)
    {
        _spooledBatches.Add(1);
        _spooledBytes.Add(bytes);
        Interlocked.Increment(ref _spooledBatchesTotal);
        Interlocked.Add(ref _spooledBytesTotal, bytes);
    }

    public void Replayed()
    {
        _replayedBatches.Add(1);
        Interlocked.Increment(ref _replayedTotal);
    }

    public void DeadLettered(int lines)
    {
        _deadLetters.Add(lines);
        Interlocked.Add(ref _deadLettersTotal, lines);
    }

    public void QuotaReached(int points)
    {
        _quotaAlarms.Add(1);
        _quotaDropped.Add(points);
        Interlocked.Increment(ref _quotaAlarmsTotal);
        Interlocked.Add(ref _quotaDroppedTotal, points);
    }

    public void Dispose() => _meter.Dispose();
}
