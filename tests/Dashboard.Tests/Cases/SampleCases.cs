using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.Tests.Cases;

/// <summary>Cases as the rules raise them, for the review tests: a speeding case on QL1 with its evidence, and variations.</summary>
internal static class SampleCases
{
    public const string Operator = "Công ty Vận tải Hữu Nghị";
    public const string Corridor = "QL1 Lạng Sơn – Hữu Nghị";

    /// <summary>2026-11-28 10:15:00 UTC = 17:15 in Hà Nội.</summary>
    public static readonly DateTime Start = new(2026, 11, 28, 10, 15, 0, DateTimeKind.Utc);

    public static RaisedCase Speeding(DateTime? start = null, string device = "356307040000001", string plate = "12C-345.67", string op = Operator, string corridor = Corridor)
    {
        var s = start ?? Start;
        return new RaisedCase
        {
            Kind = CaseKinds.Speeding,
            DeviceId = device,
            Plate = plate,
            VehicleClass = "tractor-semitrailer",
            Operator = op,
            DriverId = "D-0042",
            Corridor = corridor,
            Start = s,
            End = s.AddMinutes(3),
            Measured = new Dictionary<string, double>
            {
                ["maxSpeedKmh"] = 92,
                ["meanSpeedKmh"] = 84.5,
                ["limitKmh"] = 70,
                ["overKmh"] = 22,
                ["durationS"] = 150,
                ["distanceM"] = 3400,
            },
            Band = "20-35",
            LegalReference = "Decree 168/2024 Art. 6.6.a, 6.16.b; Circular 38/2024/TT-BGTVT",
            Fine = new FineRange(6_000_000, 8_000_000, 4),
            DeviceAlarms = DeviceAlarms.Overspeed,
            Evidence =
            [
                new EvidencePoint(s, 21.8531, 106.7612, 78, 70, DeviceAlarms.None),
                new EvidencePoint(s.AddSeconds(60), 21.8612, 106.7655, 92, 70, DeviceAlarms.None),
                new EvidencePoint(s.AddSeconds(120), 21.8690, 106.7701, 88, 70, DeviceAlarms.None),
                new EvidencePoint(s.AddSeconds(180), 21.8755, 106.7740, 66, 70, DeviceAlarms.None),
            ],
        };
    }

    public static RaisedCase CorridorStop(DateTime start, string device, string plate, string op, string corridor) => new()
    {
        Kind = CaseKinds.CorridorStop,
        DeviceId = device,
        Plate = plate,
        VehicleClass = "truck",
        Operator = op,
        Corridor = corridor,
        Start = start,
        End = start.AddMinutes(25),
        Measured = new Dictionary<string, double> { ["durationS"] = 1500, ["limitS"] = 600 },
        LegalReference = "Law 36/2024 Art. 18 (stopping and parking); Decree 168/2024 Art. 6",
        Evidence = [new EvidencePoint(start, 21.90, 106.74, 0, null, DeviceAlarms.None), new EvidencePoint(start.AddMinutes(25), 21.90, 106.74, 0, null, DeviceAlarms.None)],
    };

    public static string Url(RaisedCase c) => "/cases/" + Uri.EscapeDataString(c.CaseId);
}
