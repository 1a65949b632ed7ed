using System.Diagnostics;
using System.Numerics;

namespace Telematics.Devices.Load;

/// <summary>
/// Ack latencies in microseconds, HdrHistogram-style: exact below 64 µs, then 32 linear
/// sub-buckets per power of two (within about 3 %), up to 2^40 µs. Fixed arrays, no allocation
/// per sample; thread-safe (interlocked counts).
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Exact = 2 * SubBuckets;
    private const int MaxExponent = 40;
    private const int BucketCount = Exact + ((MaxExponent - SubBucketBits) * SubBuckets);

    private readonly long[] _counts = new long[BucketCount];
    private long _total;
    private long _maxMicros;

    public long Count => Volatile.Read(ref _total);

    public long MaxMicros => Volatile.Read(ref _maxMicros);

    /// <summary>Converts a <see cref="Stopwatch"/> interval to microseconds and records it.</summary>
    public void RecordTicks(long stopwatchTicks) =>
        RecordMicros(stopwatchTicks <= 0 ? 0 : (long)(stopwatchTicks * (1_000_000.0 / Stopwatch.Frequency)));

    public void RecordMicros(long micros)
    {
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _total);
        var max = Volatile.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The value at or below which <paramref name="percentile"/> % of the samples lie (the bucket's upper edge), in µs.</summary>
    public long PercentileMicros(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(total * percentile / 100.0));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperEdge(i), MaxMicros);
            }
        }

        return MaxMicros;
    }

    /// <summary>Forgets every sample (a racing sample may survive or be lost: fine between phases).</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        Volatile.Write(ref _total, 0);
        Volatile.Write(ref _maxMicros, 0);
    }

    internal static int IndexOf(long micros)
    {
        if (micros < Exact)
        {
            return (int)Math.Max(0, micros);
        }

        var exponent = Math.Min(BitOperations.Log2((ulong)micros), MaxExponent - 1);
        var shift = exponent - SubBucketBits;
        var sub = (int)Math.Min((micros >> shift) - SubBuckets, SubBuckets - 1);
        return Exact + ((exponent - SubBucketBits - 1) * SubBuckets) + sub;
    }

    internal static long UpperEdge(int index)
    {
        if (index < Exact)
        {
            return index;
        }

        var exponent = ((index - Exact) / SubBuckets) + SubBucketBits + 1;
        var sub = (index - Exact) % SubBuckets;
        var shift = exponent - SubBucketBits;
        return ((long)(SubBuckets + sub + 1) << shift) - 1;
    }
}
