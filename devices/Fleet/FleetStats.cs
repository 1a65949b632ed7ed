namespace Telematics.Devices.Fleet;

/// <summary>What the simulated fleet has done so far. Thread-safe.</summary>
public sealed class FleetStats
{
    private long _connected;
    private long _recordsAcked;
    private long _errors;
    private long _buffered;

    public long Connected => Interlocked.Read(ref _connected);

    public long RecordsAcked => Interlocked.Read(ref _recordsAcked);

    /// <summary>Ack or connection failures (each logged with its reason).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Records held while offline and flushed late.</summary>
    public long BufferedFlushed => Interlocked.Read(ref _buffered);

    internal void OnConnected() => Interlocked.Increment(ref _connected);

    internal void OnDisconnected() => Interlocked.Decrement(ref _connected);

    internal void OnAcked(int records, bool buffered)
    {
        Interlocked.Add(ref _recordsAcked, records);
        if (buffered)
        {
            Interlocked.Add(ref _buffered, records);
        }
    }

    internal void OnError() => Interlocked.Increment(ref _errors);
}
