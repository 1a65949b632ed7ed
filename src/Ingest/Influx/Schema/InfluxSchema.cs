using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Influx.Schema;

/// <summary>
/// Measurement, tag and field names of the time series (README, "Time series in InfluxDB").
/// Tags are indexed and every distinct tag set is a series, so only what identifies a vehicle
/// (and what is fixed per vehicle: operator, class) is a tag; values that change from point to
/// point (driver, alarms, measurements) are fields.
/// </summary>
public static class InfluxSchema
{
    public const string Position = "position";
    public const string Violation = "violation";
    public const string Device = "device";

    private static readonly string[] ClassNames =
        Enum.GetValues<VehicleClass>().Select(VehicleClassNames.ToName).ToArray();

    /// <summary>The kebab-case class name without allocating ("tractor-semitrailer").</summary>
    public static string ClassName(VehicleClass vehicleClass) =>
        (uint)vehicleClass < (uint)ClassNames.Length ? ClassNames[(int)vehicleClass] : VehicleClassNames.ToName(vehicleClass);
}
