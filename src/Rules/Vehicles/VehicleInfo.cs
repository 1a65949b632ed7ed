namespace Telematics.Rules.Vehicles;

/// <summary>What the rules know about a vehicle besides its positions (from the registry).</summary>
public sealed record VehicleInfo(string DeviceId, string? Plate, VehicleClass Class, string? Operator, string? Driver)
{
    public static VehicleInfo Unknown(string deviceId) => new(deviceId, null, VehicleClass.Unknown, null, null);
}
