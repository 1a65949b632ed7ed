using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.Api;

/// <summary>
/// A case in a list (<c>GET /api/v1/cases</c>): every field but the evidence and the history.
/// The shape is stable: every property is always present (null when unknown), names camelCase,
/// times ISO-8601 UTC.
/// </summary>
public class ApiCaseSummary
{
    public ApiCaseSummary(StoredCase stored)
    {
        var c = stored.Case;
        Id = c.CaseId;
        Kind = c.Kind;
        Status = stored.Status;
        DeviceId = c.DeviceId;
        Plate = c.Plate;
        VehicleClass = c.VehicleClass;
        Operator = c.Operator;
        DriverId = c.DriverId;
        Corridor = c.Corridor;
        Start = Utc(c.Start);
        End = Utc(c.End);
        Created = Utc(stored.CreatedUtc);
        Assignee = stored.Assignee;
        Measured = c.Measured;
        Band = c.Band;
        LegalReference = c.LegalReference;
        Fine = c.Fine is { } f ? new ApiFine(f.MinVnd, f.MaxVnd, f.LicencePoints) : null;
        DeviceAlarms = DeviceAlarmNames.ToNames(c.DeviceAlarms).ToList();
        var self = "/api/v1/cases/" + Uri.EscapeDataString(c.CaseId);
        Links = new ApiCaseLinks(self, self + "/evidence");
    }

    /// <summary>Stable: the same episode always has the same id (kind:device-or-driver:start).</summary>
    public string Id { get; }

    /// <summary>speeding, route-deviation, continuous-driving, daily-driving, weekly-driving, corridor-stop.</summary>
    public string Kind { get; }

    /// <summary>open, in-review, confirmed, dismissed, closed.</summary>
    public string Status { get; }

    public string DeviceId { get; }

    public string? Plate { get; }

    public string? VehicleClass { get; }

    public string? Operator { get; }

    public string? DriverId { get; }

    public string? Corridor { get; }

    /// <summary>Start of the episode (device time, UTC).</summary>
    public DateTime Start { get; }

    public DateTime End { get; }

    /// <summary>When the case was raised.</summary>
    public DateTime Created { get; }

    /// <summary>The officer reviewing the case, if assigned.</summary>
    public string? Assignee { get; }

    /// <summary>Measured values by name: maxSpeedKmh, limitKmh, durationS, distanceM, drivenH, maxDistanceM...</summary>
    public IReadOnlyDictionary<string, double> Measured { get; }

    /// <summary>The overspeed band (5-10, 10-20, 20-35, 35+ km/h) where the law has bands.</summary>
    public string? Band { get; }

    /// <summary>The rule broken, e.g. "Decree 168/2024 Art. 6.5.đ".</summary>
    public string LegalReference { get; }

    /// <summary>The fine range the decree sets, in VND, with the licence points.</summary>
    public ApiFine? Fine { get; }

    /// <summary>Alarms the device itself raised during the episode (corroborating evidence).</summary>
    public IReadOnlyList<string> DeviceAlarms { get; }

    public ApiCaseLinks Links { get; }

    protected static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}

/// <summary>A whole case (<c>GET /api/v1/cases/{id}</c>): the summary, the evidence track and the review history.</summary>
public sealed class ApiCase(StoredCase stored) : ApiCaseSummary(stored)
{
    /// <summary>The evidence track, oldest first: device time, position, speed and the limit in force.</summary>
    public IReadOnlyList<ApiEvidencePoint> Evidence { get; } =
        stored.Case.Evidence.Select(e => new ApiEvidencePoint(Utc(e.Time), e.Lat, e.Lon, e.SpeedKmh, e.LimitKmh)).ToList();

    /// <summary>Who did what and when (raised, assigned, confirmed, dismissed with the reason, commented), oldest first.</summary>
    public IReadOnlyList<ApiHistoryEntry> History { get; } =
        stored.History.Select(h => new ApiHistoryEntry(Utc(h.AtUtc), h.Actor, h.Action, h.Note)).ToList();
}

public sealed record ApiFine(long MinVnd, long MaxVnd, int LicencePoints);

public sealed record ApiCaseLinks(string Self, string Evidence);

public sealed record ApiEvidencePoint(DateTime Time, double Lat, double Lon, double SpeedKmh, double? LimitKmh);

public sealed record ApiHistoryEntry(DateTime At, string Actor, string Action, string? Note);
