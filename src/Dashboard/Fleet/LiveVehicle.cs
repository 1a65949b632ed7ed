namespace Telematics.Dashboard.Fleet;

/// <summary>A vehicle's newest report as the dashboard shows it, with its registry details when known.</summary>
public sealed record LiveVehicle(
    string DeviceId,
    string? Plate,
    string? Operator,
    string? Driver,
    string? VehicleClass,
    DateTime Time,
    double Lat,
    double Lon,
    double SpeedKmh,
    int Heading,
    bool? Ignition,
    DateTime ReceivedUtc);
