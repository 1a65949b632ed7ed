using System.Collections.Concurrent;

namespace Telematics.Ingest.Transport;

/// <summary>
/// What every device's connections have done: protocol, remote address, connected since, last
/// frame, frames and bad frames, connected or not. Fed by the connection handlers through one
/// <see cref="ConnectionActivity"/> per connection (created at accept, so a frame costs a few
/// interlocked writes and no allocation). Thread-safe: a device may reconnect while its old
/// connection is still closing.
/// </summary>
public sealed class DeviceActivity(TimeProvider time, IEnumerable<IDeviceEventObserver>? observers = null)
{
    private readonly IDeviceEventObserver[] _observers = observers?.ToArray() ?? [];
    private readonly ConcurrentDictionary<string, DeviceActivityEntry> _devices = new(StringComparer.Ordinal);
    private long _unidentifiedBadFrames;

    /// <summary>Bad frames of connections that never said which device they are.</summary>
    public long UnidentifiedBadFrames => Interlocked.Read(ref _unidentifiedBadFrames);

    /// <summary>A new connection, not yet identified.</summary>
    public ConnectionActivity Open(string protocol, string? remote) => new(this, protocol, remote, time.GetUtcNow().UtcTicks);

    public bool TryGet(string deviceId, out DeviceActivitySnapshot snapshot)
    {
        if (_devices.TryGetValue(deviceId, out var entry))
        {
            snapshot = entry.Snapshot();
            return true;
        }

        snapshot = null!;
        return false;
    }

    /// <summary>Every device seen since the start, newest frame first.</summary>
    public IReadOnlyList<DeviceActivitySnapshot> Snapshot() =>
        _devices.Values.Select(e => e.Snapshot()).OrderByDescending(s => s.LastFrameUtc ?? s.ConnectedSinceUtc).ThenBy(s => s.DeviceId, StringComparer.Ordinal).ToList();

    internal long NowTicks => time.GetUtcNow().UtcTicks;

    internal DeviceActivityEntry Identify(string deviceId) => _devices.GetOrAdd(deviceId, static id => new DeviceActivityEntry(id));

    internal void CountUnidentifiedBadFrame() => Interlocked.Increment(ref _unidentifiedBadFrames);

    /// <summary>Tells the observers (rare events only: connections and bad frames, never good frames).</summary>
    internal void Notify(DeviceConnectionEvent kind, string protocol, string? deviceId, string? reason, string? remote)
    {
        if (_observers.Length == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var observer in _observers)
        {
            observer.OnDeviceEvent(new DeviceEvent(now, kind, protocol, deviceId, reason, remote));
        }
    }
}

/// <summary>
/// One connection's handle on the tracker, held by its connection handler: the handler calls
/// <see cref="Frame"/>/<see cref="BadFrame"/> per frame and <see cref="Close"/> once.
/// </summary>
public sealed class ConnectionActivity
{
    private readonly DeviceActivity _owner;
    private readonly string _protocol;
    private readonly string? _remote;
    private readonly long _openedTicks;
    private DeviceActivityEntry? _entry;
    private string? _deviceId;
    private int _badBeforeLogin;
    private int _closed;

    internal ConnectionActivity(DeviceActivity owner, string protocol, string? remote, long openedTicks)
    {
        _owner = owner;
        _protocol = protocol;
        _remote = remote;
        _openedTicks = openedTicks;
    }

    public bool Identified => _entry is not null;

    /// <summary>Ties the connection to its device once the protocol knows it; later calls do nothing.</summary>
    public void Identify(string deviceId)
    {
        if (_entry is not null || Volatile.Read(ref _closed) != 0)
        {
            return;
        }

        _entry = _owner.Identify(deviceId);
        _entry.Connected(_protocol, _remote, _openedTicks, _badBeforeLogin);
        _deviceId = deviceId;
        _owner.Notify(DeviceConnectionEvent.Connected, _protocol, deviceId, null, _remote);
    }

    /// <summary>A frame decoded and accepted (a login counts once it identified the device).</summary>
    public void Frame() => _entry?.Frame(_owner.NowTicks);

    /// <summary>A frame refused, a stream closed for bad bytes or a truncated frame, and why.</summary>
    public void BadFrame(string? reason = null)
    {
        _owner.Notify(DeviceConnectionEvent.BadFrame, _protocol, _deviceId, reason, _remote);
        if (_entry is { } entry)
        {
            entry.BadFrame();
        }
        else
        {
            _badBeforeLogin++;
            _owner.CountUnidentifiedBadFrame();
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0 && _entry is { } entry)
        {
            entry.Disconnected(_owner.NowTicks);
            _owner.Notify(DeviceConnectionEvent.Disconnected, _protocol, _deviceId, null, _remote);
        }
    }
}

/// <summary>One device's counters; written by its connections with interlocked operations.</summary>
internal sealed class DeviceActivityEntry(string deviceId)
{
    private readonly Lock _connectLock = new();
    private string _protocol = string.Empty;
    private string? _remote;
    private long _connectedSinceTicks;
    private long _lastFrameTicks;
    private long _disconnectedTicks;
    private long _frames;
    private long _badFrames;
    private int _open;

    public void Connected(string protocol, string? remote, long openedTicks, int badBeforeLogin)
    {
        lock (_connectLock)
        {
            _protocol = protocol;
            _remote = remote;
            _connectedSinceTicks = openedTicks;
            _open++;
        }

        Interlocked.Add(ref _badFrames, badBeforeLogin);
    }

    public void Frame(long nowTicks)
    {
        Interlocked.Increment(ref _frames);
        Volatile.Write(ref _lastFrameTicks, nowTicks);
    }

    public void BadFrame() => Interlocked.Increment(ref _badFrames);

    public void Disconnected(long nowTicks)
    {
        lock (_connectLock)
        {
            _open--;
            _disconnectedTicks = nowTicks;
        }
    }

    public DeviceActivitySnapshot Snapshot()
    {
        lock (_connectLock)
        {
            var last = Volatile.Read(ref _lastFrameTicks);
            return new DeviceActivitySnapshot(
                deviceId,
                _protocol,
                _remote,
                _open > 0,
                new DateTime(_connectedSinceTicks, DateTimeKind.Utc),
                _open > 0 || _disconnectedTicks == 0 ? null : new DateTime(_disconnectedTicks, DateTimeKind.Utc),
                last == 0 ? null : new DateTime(last, DateTimeKind.Utc),
                Interlocked.Read(ref _frames),
                Interlocked.Read(ref _badFrames));
        }
    }
}

/// <summary>A device's connection activity at one moment; times are UTC.</summary>
public sealed record DeviceActivitySnapshot(
    string DeviceId,
    string Protocol,
    string? Remote,
    bool Connected,
    DateTime ConnectedSinceUtc,
    DateTime? DisconnectedUtc,
    DateTime? LastFrameUtc,
    long Frames,
    long BadFrames);
