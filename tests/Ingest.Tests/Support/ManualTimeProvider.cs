namespace Telematics.Ingest.Tests.Support;

/// <summary>A clock the test moves by hand (timers still tick in real time, which only wakes the code up).</summary>
public sealed class ManualTimeProvider(DateTime startUtc) : TimeProvider
{
    private long _ticks = startUtc.Ticks;

    public DateTime UtcNow => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
