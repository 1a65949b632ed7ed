using Telematics.Ingest.Commands;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Violations;
using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Scenario;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Violations;

public sealed class ReplayCommandTests
{
    private const string Tractor = "356307040000001";

    private static readonly Dictionary<string, DeviceEntry> Registry = new()
    {
        [Tractor] = new DeviceEntry { DeviceId = Tractor, Plate = "12C-100.00", VehicleClass = VehicleClass.TractorSemitrailer, Operator = "HTX Vận tải Đồng Đăng", Driver = "GPLX-1" },
    };

    [Fact]
    public void Replaying_a_speeding_track_prints_its_one_case_with_every_field()
    {
        var cases = Replay(Lines(LangSonTrack.SpeedingTractor(Tractor)), out var errors);

        var c = Assert.Single(cases);
        Assert.Equal(CaseKinds.Speeding, c.Kind);
        Assert.Equal("12C-100.00", c.Plate);
        Assert.Equal("tractor-semitrailer", c.VehicleClass);
        Assert.Equal("HTX Vận tải Đồng Đăng", c.Operator);
        Assert.Equal("GPLX-1", c.DriverId);
        Assert.Equal("QL1 Lạng Sơn → Hữu Nghị", c.Corridor);
        Assert.Equal(LangSonTrack.T0.AddSeconds(70), c.Start);
        Assert.Equal(LangSonTrack.T0.AddSeconds(180), c.End);
        Assert.Equal(110, c.Measured["durationS"]);
        Assert.Equal(90, c.Measured["maxSpeedKmh"]);
        Assert.Equal(70, c.Measured["limitKmh"]);
        Assert.Equal("20-35", c.Band);
        Assert.Equal(new FineRange(6_000_000, 8_000_000, 4), c.Fine);
        Assert.Empty(errors);

        var json = CaseJson.ToJson(c);
        Assert.Contains("\"start\":\"2026-11-02T01:01:10.000Z\"", json, StringComparison.Ordinal);
        Assert.Equal(json, CaseJson.ToJson(CaseJsonReader.Parse(json)));
    }

    [Fact]
    public void Shuffled_and_duplicated_input_gives_the_same_cases()
    {
        var lines = Lines(LangSonTrack.SpeedingTractor(Tractor));
        var messy = lines.Concat(lines.Take(5)).OrderBy(l => l.GetHashCode(StringComparison.Ordinal)).ToList();

        Assert.Equal(
            Replay(lines, out _).Select(c => CaseJson.ToJson(c)),
            Replay(messy, out _).Select(c => CaseJson.ToJson(c)));
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_number_and_the_rest_is_replayed()
    {
        var lines = Lines(LangSonTrack.SpeedingTractor(Tractor));
        lines.Insert(3, "{not json");
        lines.Insert(5, """{"deviceId":"x","time":"2026-11-02T01:00:00Z","lat":95,"lon":106}""");

        var cases = Replay(lines, out var errors);

        Assert.Single(cases);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("line 4: skipped", errors[0], StringComparison.Ordinal);
        Assert.Contains("out of range", errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JurisdictionProfiles.Vietnam2024, 1)]
    [InlineData(JurisdictionProfiles.Eu561, 1)]
    [InlineData(JurisdictionProfiles.UsFmcsa, 0)]
    public void Five_hours_without_a_break_is_continuous_driving_under_each_profile_s_own_limit(string profile, int cases)
    {
        // 5 h at 60 km/h, a packet every 10 s: over VN's 4 h and EU's 4.5 h, under the US 8 h.
        var lines = Lines(LangSonTrack.Ql1(Tractor, Enumerable.Repeat(60.0, 5 * 360)));

        var raised = Replay(lines, out _, JurisdictionProfiles.Find(profile)!);

        var continuous = raised.Where(c => c.Kind == CaseKinds.ContinuousDriving).ToList();
        Assert.Equal(cases, continuous.Count);
        if (cases == 1)
        {
            Assert.Equal("GPLX-1", continuous[0].DriverId);
            Assert.StartsWith($"{CaseKinds.ContinuousDriving}:driver-GPLX-1:", continuous[0].CaseId, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_shipped_lang_son_scenario_loads_with_its_corridors_routes_and_gate_zones()
    {
        var map = ScenarioFile.Load(ScenarioSource.Resolve(new RulesOptions().Scenario)!);

        Assert.Contains("APPROXIMATE", map.Description, StringComparison.Ordinal);
        Assert.Equal(6, map.Zones.Count(z => z.Kind == ZoneKind.Corridor));
        Assert.Equal(6, map.Zones.Count(z => z.Kind == ZoneKind.Route));
        Assert.Contains(map.Zones, z => z.Kind == ZoneKind.NoStopping);
        Assert.Contains(map.Zones, z => z.Kind == ZoneKind.HoldingYard && z.Gate == "Hữu Nghị international border gate");
        Assert.Equal(5, map.Zones.Count(z => z.Kind == ZoneKind.ApproachZone));
        Assert.Contains(map.Landmarks, l => l.Kind == "border-gate" && l.Name.StartsWith("Hữu Nghị", StringComparison.Ordinal));
    }

    private static IReadOnlyList<RaisedCase> Replay(IEnumerable<string> lines, out List<string> errors, JurisdictionProfile? profile = null)
    {
        var scenario = ScenarioFile.Load(ScenarioSource.Resolve(new RulesOptions().Scenario)!);
        var replay = new ReplayCommand.Replay(new RuleEngine(scenario, profile ?? JurisdictionProfiles.Vietnam), Registry);
        using var errorWriter = new StringWriter();
        var cases = replay.Run(new StringReader(string.Join('\n', lines)), errorWriter);
        errors = errorWriter.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        return cases;
    }

    private static List<string> Lines(IEnumerable<PositionRecord> records) => records.Select(r =>
    {
        using var stream = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(stream))
        {
            PositionRecordJson.Write(json, r);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }).ToList();
}
