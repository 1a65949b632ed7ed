namespace Telematics.Ingest.Influx.Delivery;

/// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, capped; a server's Retry-After wins.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < maxDelay * 3 ? after : maxDelay * 3;
        }

        var step = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        step = Math.Min(step, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (Random.Shared.NextDouble() * step / 2));
    }
}
