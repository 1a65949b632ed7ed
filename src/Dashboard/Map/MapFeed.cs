using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Fleet;

namespace Telematics.Dashboard.Map;

/// <summary>
/// The live map's state and its stream. Every vehicle gets a small slot number for life; each tick
/// compares the fleet with what the maps were last sent (position rounded to 1e-5°, about 1 m,
/// whole km/h and degrees, state) and publishes one delta frame with only the changed slots,
/// encoded once for all subscribers. Thread-safe: ticks, snapshots and subscriptions take one lock;
/// nothing under it waits on a client.
/// </summary>
public sealed class MapFeed
{
    private const double Scale = 1e5;
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Queue<MapFrame> _recent = new();
    private readonly List<MapSubscription> _subscribers = [];
    private readonly List<int> _changed = [];
    private readonly List<int> _described = [];
    private readonly List<int> _removed = [];
    private readonly IFleetView _fleet;
    private readonly OpenCaseIndex _violations;
    private readonly TimeProvider _time;
    private readonly MapOptions _options;
    private Row[] _rows = new Row[256];
    private int _count;
    private long _seq;
    private MapFrame? _snapshot;

    public MapFeed(IFleetView fleet, OpenCaseIndex violations, TimeProvider time, IOptions<MapOptions> options)
    {
        _fleet = fleet;
        _violations = violations;
        _time = time;
        _options = options.Value;
    }

    /// <summary>The number of the last delta published (0 before the first).</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _seq;
            }
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>A vehicle's state as last drawn, or null when the map has not seen it.</summary>
    public MapVehicleState? StateOf(string deviceId)
    {
        lock (_gate)
        {
            return _slots.TryGetValue(deviceId, out var slot) && _rows[slot].Present ? _rows[slot].State : null;
        }
    }

    /// <summary>Compares the fleet with the last frame and publishes the changes. Returns the delta, or null when nothing changed.</summary>
    public MapFrame? Tick()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var vehicles = _fleet.Vehicles();
            _changed.Clear();
            _described.Clear();
            _removed.Clear();
            var seen = ArrayPool<bool>.Shared.Rent(_count + vehicles.Count);
            Array.Clear(seen);
            foreach (var v in vehicles)
            {
                var state = MapVehicleStates.Of(v.SpeedKmh, v.ReceivedUtc, _violations.Contains(v.DeviceId), now, _options);
                var next = new Row(v.DeviceId, v.Plate, (int)Math.Round(v.Lat * Scale), (int)Math.Round(v.Lon * Scale), (int)Math.Round(v.SpeedKmh), v.Heading, state, true);
                if (!_slots.TryGetValue(v.DeviceId, out var slot))
                {
                    slot = _count++;
                    if (slot == _rows.Length)
                    {
                        Array.Resize(ref _rows, _rows.Length * 2);
                    }

                    _slots[v.DeviceId] = slot;
                    _rows[slot] = next;
                    _described.Add(slot);
                    _changed.Add(slot);
                }
                else
                {
                    ref var row = ref _rows[slot];
                    if (!row.Present || !string.Equals(row.Plate, next.Plate, StringComparison.Ordinal))
                    {
                        _described.Add(slot);
                    }

                    if (!row.SameAs(next))
                    {
                        _changed.Add(slot);
                    }

                    row = next;
                }

                seen[slot] = true;
            }

            for (var slot = 0; slot < _count; slot++)
            {
                if (_rows[slot].Present && !seen[slot])
                {
                    _rows[slot].Present = false;
                    _removed.Add(slot);
                }
            }

            ArrayPool<bool>.Shared.Return(seen);
            if (_changed.Count == 0 && _removed.Count == 0)
            {
                return null;
            }

            _seq++;
            var frame = new MapFrame(_seq, MapFrame.Delta, WriteDelta(now), _changed.Count + _removed.Count);
            _recent.Enqueue(frame);
            while (_recent.Count > Math.Max(1, _options.ReplayFrames))
            {
                _recent.Dequeue();
            }

            _snapshot = null;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(frame);
            }

            return frame;
        }
    }

    /// <summary>Every vehicle as of the last tick, encoded once per tick however many maps ask.</summary>
    public MapFrame Snapshot()
    {
        lock (_gate)
        {
            return _snapshot ??= new MapFrame(_seq, MapFrame.Snapshot, WriteSnapshot(_time.GetUtcNow().UtcDateTime), _count);
        }
    }

    /// <summary>
    /// A new open map. With <paramref name="since"/> (the last frame it has) still among the recent
    /// frames it continues from there; otherwise its first message is a snapshot.
    /// </summary>
    public MapSubscription Subscribe(long? since)
    {
        lock (_gate)
        {
            var subscription = new MapSubscription(this, Math.Max(1, _options.ClientQueueFrames));
            var oldest = _recent.Count > 0 ? _recent.Peek().Seq : _seq + 1;
            if (since is { } s && s <= _seq && s >= oldest - 1)
            {
                subscription.Start(s);
                foreach (var frame in _recent)
                {
                    if (frame.Seq > s)
                    {
                        subscription.Offer(frame);
                    }
                }
            }
            else
            {
                subscription.Start(null);
            }

            _subscribers.Add(subscription);
            return subscription;
        }
    }

    internal void Unsubscribe(MapSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private static long UnixMs(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;

    // {"seq":n,"t":ms,"n":[slot,"device","plate",...],"v":[slot,lat,lon,kmh,heading,state,...],"r":[slot,...]}
    // lat/lon in 1e-5 degrees: integers are shorter than decimals and parse faster.
    private byte[] WriteDelta(DateTime now)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (_changed.Count * 32) + (_described.Count * 40));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", _seq);
            json.WriteNumber("t", UnixMs(now));
            json.WriteStartArray("n");
            foreach (var slot in _described)
            {
                json.WriteNumberValue(slot);
                json.WriteStringValue(_rows[slot].DeviceId);
                WriteNullable(json, _rows[slot].Plate);
            }

            json.WriteEndArray();
            json.WriteStartArray("v");
            foreach (var slot in _changed)
            {
                json.WriteNumberValue(slot);
                WriteValues(json, in _rows[slot]);
            }

            json.WriteEndArray();
            json.WriteStartArray("r");
            foreach (var slot in _removed)
            {
                json.WriteNumberValue(slot);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // {"seq":n,"t":ms,"tick":ms,"ids":[device|null,...],"plates":[...],"v":[lat,lon,kmh,heading,state,...]}: slot = index.
    private byte[] WriteSnapshot(DateTime now)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (_count * 64));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", _seq);
            json.WriteNumber("t", UnixMs(now));
            json.WriteNumber("tick", (long)_options.TickInterval.TotalMilliseconds);
            json.WriteStartArray("ids");
            for (var slot = 0; slot < _count; slot++)
            {
                WriteNullable(json, _rows[slot].Present ? _rows[slot].DeviceId : null);
            }

            json.WriteEndArray();
            json.WriteStartArray("plates");
            for (var slot = 0; slot < _count; slot++)
            {
                WriteNullable(json, _rows[slot].Plate);
            }

            json.WriteEndArray();
            json.WriteStartArray("v");
            for (var slot = 0; slot < _count; slot++)
            {
                WriteValues(json, in _rows[slot]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValues(Utf8JsonWriter json, in Row row)
    {
        json.WriteNumberValue(row.LatE5);
        json.WriteNumberValue(row.LonE5);
        json.WriteNumberValue(row.SpeedKmh);
        json.WriteNumberValue(row.Heading);
        json.WriteNumberValue((int)row.State);
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    /// <summary>A vehicle as the maps were last sent it.</summary>
    private record struct Row(string DeviceId, string? Plate, int LatE5, int LonE5, int SpeedKmh, int Heading, MapVehicleState State, bool Present)
    {
        public readonly bool SameAs(in Row other) =>
            Present == other.Present && LatE5 == other.LatE5 && LonE5 == other.LonE5 && SpeedKmh == other.SpeedKmh && Heading == other.Heading && State == other.State;
    }
}
