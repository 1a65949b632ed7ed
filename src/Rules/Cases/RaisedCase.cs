using Telematics.Rules.Positions;

namespace Telematics.Rules.Cases;

/// <summary>
/// A violation as a rule raises it at the end of an episode: what happened, measured, with its
/// legal reference and evidence. The case store turns it into a case with a status and history.
/// </summary>
public sealed record RaisedCase
{
    /// <summary>One of <see cref="CaseKinds"/>.</summary>
    public required string Kind { get; init; }

    public required string DeviceId { get; init; }

    public string? Plate { get; init; }

    public string? VehicleClass { get; init; }

    public string? Operator { get; init; }

    public string? DriverId { get; init; }

    /// <summary>The corridor the episode happened on, when one applies.</summary>
    public string? Corridor { get; init; }

    public required DateTime Start { get; init; }

    public required DateTime End { get; init; }

    /// <summary>Measured values by name (maxSpeedKmh, limitKmh, durationS, distanceM, drivenH, ...).</summary>
    public IReadOnlyDictionary<string, double> Measured { get; init; } = new Dictionary<string, double>();

    /// <summary>A short label of the measured severity where the law has bands (overspeed "10-20").</summary>
    public string? Band { get; init; }

    /// <summary>The legal rule broken, e.g. "Decree 168/2024 Art. 6.5.đ; Circular 38/2024".</summary>
    public required string LegalReference { get; init; }

    public FineRange? Fine { get; init; }

    /// <summary>Alarms the device itself reported during the episode: corroborating evidence only.</summary>
    public DeviceAlarms DeviceAlarms { get; init; }

    public IReadOnlyList<EvidencePoint> Evidence { get; init; } = [];

    /// <summary>A case of <paramref name="kind"/> for a vehicle, with the vehicle's plate, class, operator and driver filled in.</summary>
    public static RaisedCase For(
        string kind,
        Vehicles.VehicleInfo vehicle,
        DateTime start,
        DateTime end,
        string legalReference,
        IReadOnlyDictionary<string, double> measured,
        IReadOnlyList<EvidencePoint> evidence,
        string? corridor = null) => new()
    {
        Kind = kind,
        DeviceId = vehicle.DeviceId,
        Plate = vehicle.Plate,
        VehicleClass = Vehicles.VehicleClassNames.ToName(vehicle.Class),
        Operator = vehicle.Operator,
        DriverId = vehicle.Driver,
        Corridor = corridor,
        Start = start,
        End = end,
        LegalReference = legalReference,
        Measured = measured,
        Evidence = evidence,
    };

    /// <summary>
    /// A stable id: the same episode always gets the same id, so that replaying a track, resending
    /// records or restarting mid-episode never duplicates a case.
    /// </summary>
    public string CaseId => $"{Kind}:{DriverKeyOrDevice}:{Start:yyyyMMdd'T'HHmmss'Z'}";

    private string DriverKeyOrDevice =>
        Kind is CaseKinds.ContinuousDriving or CaseKinds.DailyDriving or CaseKinds.WeeklyDriving && DriverId is not null
            ? "driver-" + DriverId
            : DeviceId;
}
