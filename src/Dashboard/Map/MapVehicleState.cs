namespace Telematics.Dashboard.Map;

/// <summary>How a vehicle is drawn on the live map. The numbers are the wire form (the script's colour index).</summary>
public enum MapVehicleState : byte
{
    Moving = 0,
    Stopped = 1,
    Offline = 2,
    Violation = 3,
}

/// <summary>
/// Which state a vehicle shows. Offline wins (its position is stale, whatever else is true), then
/// violation (an open case raised in the window), then moving or stopped by speed.
/// </summary>
public static class MapVehicleStates
{
    public static MapVehicleState Of(double speedKmh, DateTime receivedUtc, bool inViolation, DateTime nowUtc, MapOptions options) =>
        nowUtc - receivedUtc > options.OfflineAfter ? MapVehicleState.Offline
        : inViolation ? MapVehicleState.Violation
        : speedKmh >= options.MovingSpeedKmh ? MapVehicleState.Moving
        : MapVehicleState.Stopped;

    public static string Name(MapVehicleState state) => state switch
    {
        MapVehicleState.Moving => "moving",
        MapVehicleState.Stopped => "stopped",
        MapVehicleState.Offline => "offline",
        _ => "violation",
    };
}
