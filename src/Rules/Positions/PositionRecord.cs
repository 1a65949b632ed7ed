namespace Telematics.Rules.Positions;

/// <summary>
/// The normalised record every protocol decodes to (DESIGN.md, "Contracts others rely on").
/// Immutable; <see cref="DeviceId"/> is the partition key everywhere.
/// </summary>
public sealed record PositionRecord
{
    public required string DeviceId { get; init; }

    /// <summary>Device (event) time, UTC.</summary>
    public required DateTime Time { get; init; }

    public double Lat { get; init; }
    public double Lon { get; init; }
    public double SpeedKmh { get; init; }
    public int Heading { get; init; }
    public int AltitudeM { get; init; }
    public int Satellites { get; init; }
    public bool Valid { get; init; }

    public bool? Ignition { get; init; }
    public double? OdometerKm { get; init; }
    public string? DriverId { get; init; }
    public DeviceAlarms Alarms { get; init; }

    /// <summary>Raw device values (Teltonika IO elements, JT808 additional items), in wire order.</summary>
    public IReadOnlyList<IoValue> Io { get; init; } = [];

    /// <summary>True when the device marked the record as buffered/blind-area data sent late.</summary>
    public bool Archived { get; init; }
}
