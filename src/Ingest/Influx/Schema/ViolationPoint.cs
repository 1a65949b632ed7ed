namespace Telematics.Ingest.Influx.Schema;

/// <summary>
/// A violation as a point of the "violation" measurement, written by the rules engine through
/// <see cref="Delivery.InfluxWriter.WriteViolation"/>. Tags: kind, vehicle, operator, corridor
/// (few values each, what dashboards group by); fields: the case id (unique per case: a tag would
/// make one series per case) and the measured values (max speed, limit, duration, distance, ...).
/// </summary>
/// <param name="Time">When the violation started (UTC).</param>
/// <param name="Kind">"speeding", "route-deviation", "driving-time", "no-stopping", ...</param>
/// <param name="Vehicle">Plate.</param>
/// <param name="Operator">Operator, when known.</param>
/// <param name="Corridor">Corridor name, when the violation happened in one.</param>
/// <param name="CaseId">The case it raised.</param>
/// <param name="Measured">Measured values by field name (e.g. "max_speed", "limit", "duration_s", "distance_m").</param>
/// <param name="Device">The device, as a field (the vehicle tag already identifies the series).</param>
public sealed record ViolationPoint(
    DateTime Time,
    string Kind,
    string Vehicle,
    string? Operator,
    string? Corridor,
    string CaseId,
    IReadOnlyList<KeyValuePair<string, double>> Measured,
    string? Device = null);
