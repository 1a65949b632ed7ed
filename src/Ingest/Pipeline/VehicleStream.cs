using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline;

/// <summary>
/// One vehicle's place in its partition: recent record times (to drop resent duplicates), the
/// reorder buffer of records waiting for late ones, and the last record that passed the filters.
/// Used by its partition's task only.
/// </summary>
internal sealed class VehicleStream(string deviceId, int duplicateHistory)
{
    // The most recent record times, as a ring: a resend repeats times from the last few frames,
    // so a short history suffices and costs 8 bytes a slot (a vectorised scan finds a repeat).
    private readonly long[] _seen = new long[Math.Max(1, duplicateHistory)];
    private readonly List<Pending> _pending = [];
    private int _seenCount;
    private int _seenNext;

    public string DeviceId { get; } = deviceId;

    public PositionRecord? LastAccepted { get; set; }

    /// <summary>Device time of the newest record released so far.</summary>
    public DateTime Watermark { get; private set; } = DateTime.MinValue;

    public bool HasPending => _pending.Count > 0;

    /// <summary>Takes a record in unless it repeats one already seen (same device time).</summary>
    public bool TryAdd(PositionRecord record, long arrival)
    {
        var key = record.Time.Ticks;
        if (_seen.AsSpan(0, _seenCount).Contains(key))
        {
            return false;
        }

        _seen[_seenNext] = key;
        _seenNext = (_seenNext + 1) % _seen.Length;
        _seenCount = Math.Min(_seenCount + 1, _seen.Length);

        // Keep pending sorted by device time; records mostly arrive in order, so search from the end.
        var i = _pending.Count;
        while (i > 0 && _pending[i - 1].Record.Time > record.Time)
        {
            i--;
        }

        _pending.Insert(i, new Pending(record, arrival));
        return true;
    }

    /// <summary>
    /// Releases, in device-time order, the records that waited long enough (or all of them when
    /// <paramref name="force"/>). A record waits for every earlier-timed record ahead of it, so
    /// order is kept even when a late one arrived after a newer one.
    /// </summary>
    public void ReleaseDue(long now, long windowTicks, bool force, List<(PositionRecord Record, bool Late)> released)
    {
        // Everything up to the newest record whose wait is over can go: what precedes it in
        // device time has had at least as long a chance to arrive.
        var last = -1;
        for (var i = 0; i < _pending.Count; i++)
        {
            if (force || now - _pending[i].Arrival >= windowTicks)
            {
                last = i;
            }
        }

        for (var i = 0; i <= last; i++)
        {
            var record = _pending[i].Record;
            var late = record.Time < Watermark;
            if (!late)
            {
                Watermark = record.Time;
            }

            released.Add((record, late));
        }

        if (last >= 0)
        {
            _pending.RemoveRange(0, last + 1);
        }
    }

    private readonly record struct Pending(PositionRecord Record, long Arrival);
}
