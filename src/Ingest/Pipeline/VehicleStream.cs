using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline;

/// <summary>
/// One vehicle's place in its partition: recent record times (to drop resent duplicates), the
/// reorder buffer of records waiting for late ones, and the last record that passed the filters.
/// Used by its partition's task only.
/// </summary>
internal sealed class VehicleStream(string deviceId, int duplicateHistory)
{
    private readonly HashSet<long> _seenTimes = [];
    private readonly Queue<long> _seenOrder = new();
    private readonly List<Pending> _pending = [];

    public string DeviceId { get; } = deviceId;

    public PositionRecord? LastAccepted { get; set; }

    /// <summary>Device time of the newest record released so far.</summary>
    public DateTime Watermark { get; private set; } = DateTime.MinValue;

    public bool HasPending => _pending.Count > 0;

    /// <summary>Arrival of the oldest pending record, in <see cref="TimeProvider"/> ticks.</summary>
    public long OldestArrival => _pending.Count == 0 ? long.MaxValue : _pending.Min(p => p.Arrival);

    /// <summary>Takes a record in unless it repeats one already seen (same device time).</summary>
    public bool TryAdd(PositionRecord record, long arrival)
    {
        var key = record.Time.Ticks;
        if (!_seenTimes.Add(key))
        {
            return false;
        }

        _seenOrder.Enqueue(key);
        if (_seenOrder.Count > duplicateHistory)
        {
            _seenTimes.Remove(_seenOrder.Dequeue());
        }

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
