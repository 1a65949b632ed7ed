using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Fleet;

/// <summary>
/// The live state the dashboard shows: in the all-in-one mode read from the in-process worker,
/// in the standalone mode polled from a worker elsewhere.
/// </summary>
public interface IFleetView
{
    /// <summary>Every vehicle's newest report.</summary>
    IReadOnlyList<LiveVehicle> Vehicles();

    LiveVehicle? Vehicle(string deviceId);

    /// <summary>Occupancy and dwell times of the gates' approach zones and holding yards.</summary>
    IReadOnlyList<GateZoneFigures> Gates();
}
