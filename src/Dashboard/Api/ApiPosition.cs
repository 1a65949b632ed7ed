using Telematics.Dashboard.Fleet;

namespace Telematics.Dashboard.Api;

/// <summary>A vehicle's newest report (<c>GET /api/v1/positions</c>), with its registry details when known.</summary>
public sealed record ApiPosition(
    string DeviceId,
    string? Plate,
    string? Operator,
    string? DriverId,
    string? VehicleClass,
    DateTime Time,
    double Lat,
    double Lon,
    double SpeedKmh,
    int Heading,
    bool? Ignition,
    DateTime ReceivedAt)
{
    public static ApiPosition From(LiveVehicle v) => new(
        v.DeviceId,
        v.Plate,
        v.Operator,
        v.Driver,
        v.VehicleClass,
        DateTime.SpecifyKind(v.Time, DateTimeKind.Utc),
        v.Lat,
        v.Lon,
        v.SpeedKmh,
        v.Heading,
        v.Ignition,
        DateTime.SpecifyKind(v.ReceivedUtc, DateTimeKind.Utc));
}
