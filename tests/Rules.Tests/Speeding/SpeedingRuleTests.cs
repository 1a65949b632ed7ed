using System.Text.Json;
using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Positions;
using Telematics.Rules.Tests.Support;

namespace Telematics.Rules.Tests.Speeding;

/// <summary>Exact tracks on the test corridor (limit 60 km/h) and the exact speeding cases they make.</summary>
public sealed class SpeedingRuleTests
{
    private readonly RuleEngine _engine = TestScenario.Engine();

    [Theory]
    [InlineData(29, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 1)]
    public void An_episode_is_a_case_only_when_its_time_over_the_limit_exceeds_30_s(int overSeconds, int cases)
    {
        // One packet a second: the first over-limit packet at t=1, the last at t=1+overSeconds.
        var track = new Track().Drive(70, overSeconds + 1).Drive(55, 5);

        var (raised, _, _) = RuleRun.Run(_engine, TestScenario.Car(), track.Points);

        Assert.Equal(cases, raised.Count);
        if (cases == 1)
        {
            var c = raised[0];
            Assert.Equal(CaseKinds.Speeding, c.Kind);
            Assert.Equal(Track.At(1), c.Start);
            Assert.Equal(Track.At(1 + overSeconds), c.End);
            Assert.Equal(overSeconds, c.Measured["durationS"]);
            Assert.Equal(70, c.Measured["maxSpeedKmh"]);
            Assert.Equal(60, c.Measured["limitKmh"]);
            Assert.Equal(10, c.Measured["overKmh"]);
            Assert.Equal("10-20", c.Band);
            Assert.Equal(new FineRange(4_000_000, 6_000_000, 2), c.Fine);
            Assert.Equal("Road", c.Corridor);
            Assert.StartsWith("Decree 168/2024 Art. 6.5.đ", c.LegalReference, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(64, 0)]
    [InlineData(65, 0)]
    [InlineData(66, 1)]
    public void Speed_must_exceed_the_limit_by_more_than_the_5_kmh_tolerance(double speed, int cases)
    {
        var track = new Track().Drive(speed, 60).Drive(50, 5);

        var (raised, _, _) = RuleRun.Run(_engine, TestScenario.Car(), track.Points);

        Assert.Equal(cases, raised.Count);
        if (cases == 1)
        {
            Assert.Equal("5-10", raised[0].Band);
            Assert.Equal(new FineRange(800_000, 1_000_000, 0), raised[0].Fine);
        }
    }

    [Theory]
    [InlineData(69.9, "5-10")]
    [InlineData(70, "10-20")]
    [InlineData(80, "20-35")]
    [InlineData(94.9, "20-35")]
    [InlineData(95, ">35")]
    public void The_band_is_graded_on_the_maximum_overspeed(double maxSpeed, string band)
    {
        var track = new Track().Drive(67, 20).Packet(maxSpeed).Drive(67, 20).Drive(50, 3);

        var (raised, _, _) = RuleRun.Run(_engine, TestScenario.Car(), track.Points);

        Assert.Equal(band, Assert.Single(raised).Band);
    }

    [Fact]
    public void A_gap_over_60_s_ends_the_episode_and_the_halves_are_judged_apart()
    {
        var split = new Track().Drive(80, 25, everyS: 5).Gap(61).Drive(80, 25, everyS: 5).Drive(50, 5);
        var joined = new Track().Drive(80, 25, everyS: 5).Gap(55).Drive(80, 25, everyS: 5).Drive(50, 5);

        Assert.Empty(RuleRun.Run(_engine, TestScenario.Car(), split.Points).Cases);
        var c = Assert.Single(RuleRun.Run(_engine, TestScenario.Car(), joined.Points).Cases);
        Assert.Equal(100, c.Measured["durationS"]); // 5 s to 105 s: the 60-s gap between two over-limit packets counts
    }

    [Fact]
    public void A_single_packet_speed_spike_raises_nothing()
    {
        var track = new Track().Drive(50, 30, everyS: 10).Packet(190, 10).Drive(50, 60, everyS: 10);

        Assert.Empty(RuleRun.Run(_engine, TestScenario.Car(), track.Points).Cases);
    }

    [Fact]
    public void Mean_speed_distance_and_evidence_describe_the_episode()
    {
        var track = new Track().Drive(50, 10, everyS: 10).Drive(70, 40, everyS: 10).Drive(90, 20, everyS: 10).Drive(50, 10, everyS: 10);

        var c = Assert.Single(RuleRun.Run(_engine, TestScenario.Car(), track.Points).Cases);

        Assert.Equal(90, c.Measured["maxSpeedKmh"]);
        Assert.Equal(76.7, c.Measured["meanSpeedKmh"]);
        Assert.Equal(50, c.Measured["durationS"]);
        Assert.InRange(c.Measured["distanceM"], 1_070, 1_095); // 3 × 194 m at 70 + 2 × 250 m at 90
        Assert.Equal(8, c.Evidence.Count); // the packet before, six over the limit, the one after
        Assert.All(c.Evidence, e => Assert.Equal(60, e.LimitKmh));
    }

    [Fact]
    public void The_town_zone_limit_for_trucks_applies_inside_it()
    {
        // Inside the town zone (106.75–106.76): trucks 40, other classes 50; the corridor says 60.
        var inTown = new Track().Drive(47, 60).Points
            .Select(p => p with { Lon = 106.752 + ((p.Time - Track.T0).TotalSeconds * 0.00001) })
            .ToList();

        var truckCase = Assert.Single(RuleRun.Run(_engine, TestScenario.Truck(), inTown).Cases);
        Assert.Equal(40, truckCase.Measured["limitKmh"]);
        Assert.Empty(RuleRun.Run(_engine, TestScenario.Car(), inTown).Cases);
    }

    [Fact]
    public void Off_every_zone_the_jurisdiction_default_for_the_class_applies()
    {
        var offRoad = new Track().Offset(5000).Drive(86, 60).Drive(50, 5).Points;

        Assert.Empty(RuleRun.Run(_engine, TestScenario.Car(), offRoad).Cases); // cars: 90
        Assert.Equal(80, Assert.Single(RuleRun.Run(_engine, TestScenario.Truck(), offRoad).Cases).Measured["limitKmh"]); // trucks: 80
    }

    [Fact]
    public void Duplicated_and_late_packets_give_the_same_cases_as_the_clean_track()
    {
        var clean = new Track().Drive(80, 40, everyS: 5).Drive(50, 10, everyS: 5).Points;
        var messy = clean.SelectMany((p, i) => i % 3 == 0 ? new[] { p, p } : [p]).ToList();
        messy.Insert(5, clean[2]); // a late resend of an earlier packet

        var expected = RuleRun.Run(_engine, TestScenario.Car(), clean).Cases;
        var actual = RuleRun.Run(_engine, TestScenario.Car(), messy).Cases;

        Assert.Equal(expected.Select(c => c.CaseId), actual.Select(c => c.CaseId));
        Assert.Equal(expected[0].Measured, actual[0].Measured);
    }

    [Fact]
    public void A_restart_mid_episode_restores_the_state_and_raises_the_case_once()
    {
        var track = new Track().Drive(80, 60, everyS: 5).Drive(50, 10, everyS: 5).Points;
        var uninterrupted = RuleRun.Run(_engine, TestScenario.Car(), track).Cases;

        var (before, _, state) = RuleRun.Run(_engine, TestScenario.Car(), track.Take(6), flush: false);
        var saved = JsonSerializer.Serialize(state);
        var restored = JsonSerializer.Deserialize<VehicleRuleState>(saved);
        var (after, _, _) = RuleRun.Run(_engine, TestScenario.Car(), track.Skip(6), state: restored);

        Assert.Empty(before);
        var c = Assert.Single(after);
        Assert.Equal(uninterrupted[0].CaseId, c.CaseId);
        Assert.Equal(uninterrupted[0].Measured, c.Measured);
    }

    [Fact]
    public void Device_overspeed_alarms_are_attached_as_evidence_but_do_not_decide()
    {
        var alarmOnly = new Track().Drive(55, 60, everyS: 5).Points.Select(p => p with { Alarms = DeviceAlarms.Overspeed }).ToList();
        var both = new Track().Drive(80, 60, everyS: 5).Drive(50, 5, everyS: 5).Points.Select(p => p with { Alarms = DeviceAlarms.Overspeed }).ToList();

        Assert.Empty(RuleRun.Run(_engine, TestScenario.Car(), alarmOnly).Cases);
        Assert.Equal(DeviceAlarms.Overspeed, Assert.Single(RuleRun.Run(_engine, TestScenario.Car(), both).Cases).DeviceAlarms);
    }
}
