using Telematics.Ingest.LiveState;
using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Fleet;

/// <summary>The all-in-one mode's live state: straight from the worker running in this process.</summary>
public sealed class InProcessFleetView(LiveFleetState live, IServiceProvider services) : IFleetView
{
    public IReadOnlyList<LiveVehicle> Vehicles() => live.Vehicles.Select(ToLive).ToList();

    public LiveVehicle? Vehicle(string deviceId) => live.TryGet(deviceId, out var state) ? ToLive(state) : null;

    public IReadOnlyList<GateZoneFigures> Gates() => services.GetService<GateBoard>()?.Snapshot() ?? [];

    private static LiveVehicle ToLive(VehicleLiveState state)
    {
        var last = state.Last;
        return new LiveVehicle(
            last.DeviceId,
            state.Vehicle?.Plate,
            state.Vehicle?.Operator,
            last.DriverId ?? state.Vehicle?.Driver,
            state.Vehicle is { } v ? Telematics.Rules.Vehicles.VehicleClassNames.ToName(v.VehicleClass) : null,
            last.Time,
            last.Lat,
            last.Lon,
            last.SpeedKmh,
            last.Heading,
            last.Ignition,
            state.ReceivedUtc);
    }
}
