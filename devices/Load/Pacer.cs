using System.Diagnostics;

namespace Telematics.Devices.Load;

/// <summary>
/// Spreads a total frame rate evenly over the connections: connection i may send its k-th frame
/// at start + (k + i/N) / f, f being each connection's share. A connection that has nothing to
/// do until its next frame waits on a 1 ms timing wheel: one shared task per slot, so a
/// waiting connection costs no timer and the wheel wakes only the connections that are due.
/// </summary>
internal sealed class Pacer : IDisposable
{
    private const int Slots = 4096;

    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly long _slotTicks = Math.Max(1, Stopwatch.Frequency / 1000);
    private readonly double _framesPerTick;
    private readonly int _connections;
    private readonly TaskCompletionSource[] _slots = new TaskCompletionSource[Slots];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;
    private long _firedThrough = -1;

    /// <param name="framesPerSecond">Frames per second over all connections.</param>
    /// <param name="connections">Connections sharing them.</param>
    public Pacer(double framesPerSecond, int connections)
    {
        _connections = Math.Max(1, connections);
        _framesPerTick = framesPerSecond / _connections / Stopwatch.Frequency;
        for (var i = 0; i < Slots; i++)
        {
            _slots[i] = NewSlot();
        }

        _ticker = Task.Run(TickAsync);
    }

    /// <summary>How many frames connection <paramref name="index"/> may have sent by <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public long Allowed(int index, long now)
    {
        var frames = ((now - _start) * _framesPerTick) - Phase(index);
        return frames < 0 ? 0 : (long)frames + 1;
    }

    /// <summary>When connection <paramref name="index"/> may send frame number <paramref name="frame"/> (0-based), as a timestamp.</summary>
    public long Due(int index, long frame) => _start + (long)Math.Ceiling((frame + Phase(index)) / _framesPerTick);

    /// <summary>Completes at <paramref name="due"/> or up to a slot (1 ms) later, or earlier for a due time beyond the wheel (the caller checks again).</summary>
    public Task WaitAsync(long due)
    {
        var slot = Math.Max(0, (due - _start + _slotTicks - 1) / _slotTicks);
        lock (_lock)
        {
            if (slot <= _firedThrough)
            {
                return Task.CompletedTask;
            }

            slot = Math.Min(slot, _firedThrough + Slots);
            return _slots[slot % Slots].Task;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _ticker.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        lock (_lock)
        {
            foreach (var slot in _slots)
            {
                slot.TrySetResult();
            }
        }
    }

    private double Phase(int index) => (double)(index % _connections) / _connections;

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var due = new List<TaskCompletionSource>();
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            var now = (Stopwatch.GetTimestamp() - _start) / _slotTicks;
            lock (_lock)
            {
                while (_firedThrough < now)
                {
                    _firedThrough++;
                    var i = (int)(_firedThrough % Slots);
                    due.Add(_slots[i]);
                    _slots[i] = NewSlot();
                }
            }

            foreach (var slot in due)
            {
                slot.TrySetResult();
            }

            due.Clear();
        }
    }

    private static TaskCompletionSource NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
