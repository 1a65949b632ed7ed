namespace Telematics.Dashboard.Tests.Support;

/// <summary>A clock the test moves by hand: "now" only (timers and timestamps stay real).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
