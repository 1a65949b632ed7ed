using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Registry;

/// <summary>One device of the registry file: which vehicle carries it and who operates it.</summary>
public sealed record DeviceEntry
{
    /// <summary>IMEI (Teltonika, GT06) or JT808 terminal number without leading zeros.</summary>
    public required string DeviceId { get; init; }

    public required string Plate { get; init; }

    public VehicleClass VehicleClass { get; init; }

    public string? Operator { get; init; }

    /// <summary>The driver when the device reports none (a fixed-crew vehicle).</summary>
    public string? Driver { get; init; }

    /// <summary>Clock of a device that sends local time (JT808, GT06), overriding the protocol default.</summary>
    public TimeSpan? UtcOffset { get; init; }
}
