using System.Collections.Concurrent;
using Telematics.Ingest.Pipeline;

namespace Telematics.Ingest.LiveState;

/// <summary>
/// The last known position of every vehicle (the newest by device time: late records do not
/// move a vehicle back). What the dashboard shows live. Thread-safe.
/// </summary>
public sealed class LiveFleetState : IPositionConsumer
{
    private readonly ConcurrentDictionary<string, VehicleLiveState> _vehicles = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public LiveFleetState(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public int VehicleCount => _vehicles.Count;

    public IEnumerable<VehicleLiveState> Vehicles => _vehicles.Values;

    public bool TryGet(string deviceId, out VehicleLiveState state) => _vehicles.TryGetValue(deviceId, out state!);

    public ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken)
    {
        var record = position.Record;
        var received = _time.GetUtcNow().UtcDateTime;
        // Each vehicle is written by one partition task only, so read-then-write is race-free.
        if (!_vehicles.TryGetValue(record.DeviceId, out var current) || current.Last.Time <= record.Time)
        {
            _vehicles[record.DeviceId] = new VehicleLiveState(record, position.Vehicle, received, (current?.Records ?? 0) + 1);
        }
        else
        {
            _vehicles[record.DeviceId] = current with { Records = current.Records + 1 };
        }

        return ValueTask.CompletedTask;
    }
}
