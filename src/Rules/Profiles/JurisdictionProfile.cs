using Telematics.Rules.DrivingTime;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Profiles;

/// <summary>Every threshold of the rules for one jurisdiction. Immutable; shared by all vehicles.</summary>
public sealed record JurisdictionProfile
{
    /// <summary>"vn-2024", "eu-561", "us-fmcsa".</summary>
    public required string Name { get; init; }

    /// <summary>Where calendar days and weeks start (IANA id).</summary>
    public string TimeZoneId { get; init; } = "Asia/Ho_Chi_Minh";

    /// <summary>The jurisdiction's limit per vehicle class where no route, zone or corridor sets one.</summary>
    public IReadOnlyDictionary<VehicleClass, double> DefaultSpeedLimitKmh { get; init; } = new Dictionary<VehicleClass, double>();

    public SpeedingParameters Speeding { get; init; } = new();

    public RouteDeviationParameters RouteDeviation { get; init; } = new();

    public DrivingTimeProfile DrivingTime { get; init; } = new();

    public CorridorStopParameters CorridorStop { get; init; } = new();

    public TimeZoneInfo TimeZone => TimeZones.Find(TimeZoneId);

    public double DefaultLimitFor(VehicleClass vehicleClass) =>
        DefaultSpeedLimitKmh.TryGetValue(vehicleClass, out var limit) ? limit
        : DefaultSpeedLimitKmh.TryGetValue(VehicleClass.Unknown, out var fallback) ? fallback
        : 90;
}
