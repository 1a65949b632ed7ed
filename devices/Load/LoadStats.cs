using System.Collections.Concurrent;

namespace Telematics.Devices.Load;

/// <summary>Counters shared by every connection of a run (interlocked), and the first error messages.</summary>
public sealed class LoadStats
{
    /// <summary>Error messages kept to show what went wrong; the counts go on past it.</summary>
    public const int KeptMessages = 20;

    private readonly ConcurrentQueue<string> _messages = new();
    private long _connected;
    private long _loggedIn;
    private long _connectFailures;
    private long _disconnects;
    private long _ackErrors;
    private long _framesSent;
    private long _recordsSent;
    private long _framesAcked;
    private long _recordsAcked;
    private int _messageCount;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>Connections logged in and still open.</summary>
    public long Connected => Volatile.Read(ref _connected);

    /// <summary>Connections that completed their login (open or closed since).</summary>
    public long LoggedIn => Volatile.Read(ref _loggedIn);

    public long ConnectFailures => Volatile.Read(ref _connectFailures);

    public long Disconnects => Volatile.Read(ref _disconnects);

    public long AckErrors => Volatile.Read(ref _ackErrors);

    public IReadOnlyCollection<string> Messages => _messages;

    public Snapshot Take() => new(
        Volatile.Read(ref _framesSent),
        Volatile.Read(ref _recordsSent),
        Volatile.Read(ref _framesAcked),
        Volatile.Read(ref _recordsAcked),
        AckErrors);

    public void LoginSucceeded()
    {
        Interlocked.Increment(ref _loggedIn);
        Interlocked.Increment(ref _connected);
    }

    public void Closed() => Interlocked.Decrement(ref _connected);

    public void ConnectFailed(string message)
    {
        Interlocked.Increment(ref _connectFailures);
        Keep(message);
    }

    public void Disconnected(string message)
    {
        Interlocked.Increment(ref _disconnects);
        Keep(message);
    }

    public void AckError(string message)
    {
        Interlocked.Increment(ref _ackErrors);
        Keep(message);
    }

    public void FrameSent(int records)
    {
        Interlocked.Increment(ref _framesSent);
        Interlocked.Add(ref _recordsSent, records);
    }

    public void FrameAcked(int records, long latencyTicks)
    {
        Interlocked.Increment(ref _framesAcked);
        Interlocked.Add(ref _recordsAcked, records);
        Latency.RecordTicks(latencyTicks);
    }

    private void Keep(string message)
    {
        if (Interlocked.Increment(ref _messageCount) <= KeptMessages)
        {
            _messages.Enqueue(message);
        }
    }

    /// <summary>Cumulative counts at one moment; subtract two for a phase.</summary>
    public readonly record struct Snapshot(long FramesSent, long RecordsSent, long FramesAcked, long RecordsAcked, long AckErrors)
    {
        public static Snapshot operator -(Snapshot a, Snapshot b) => new(
            a.FramesSent - b.FramesSent,
            a.RecordsSent - b.RecordsSent,
            a.FramesAcked - b.FramesAcked,
            a.RecordsAcked - b.RecordsAcked,
            a.AckErrors - b.AckErrors);
    }
}
