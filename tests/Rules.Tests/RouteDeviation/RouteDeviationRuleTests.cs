using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Tests.Support;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Tests.RouteDeviation;

/// <summary>A vehicle assigned to the test route (width 150 m) leaving it: the exact cases.</summary>
public sealed class RouteDeviationRuleTests
{
    private static readonly VehicleInfo Routed = new("ROUTED", "12C-111.11", VehicleClass.Truck, "Operator", null);
    private readonly RuleEngine _engine = TestScenario.Engine();

    [Fact]
    public void Seventy_seconds_and_700_m_off_the_route_is_one_case_with_the_detour()
    {
        var track = new Track().Drive(36, 10).Offset(300).Drive(36, 70).Offset(0).Drive(36, 40);

        var c = Assert.Single(RuleRun.Run(_engine, Routed, track.Points).Cases);

        Assert.Equal(CaseKinds.RouteDeviation, c.Kind);
        Assert.Equal(Track.At(11), c.Start);
        Assert.Equal(Track.At(80), c.End);
        Assert.Equal(69, c.Measured["durationS"]);
        Assert.Equal(300, c.Measured["maxDistanceM"], 2);
        Assert.InRange(c.Measured["distanceM"], 685, 695); // 69 s at 10 m/s
        Assert.Equal(150, c.Measured["widthM"]);
        Assert.Equal(72, c.Evidence.Count); // 70 outside, the first one back, and the one that closed the episode 30 s later
    }

    [Theory]
    [InlineData(50, 36, 0)] // too short
    [InlineData(70, 3.6, 0)] // long enough, but only ~70 m travelled
    [InlineData(61, 36, 1)]
    public void Time_and_distance_off_the_route_must_both_reach_their_minimum(int seconds, double speed, int cases)
    {
        var track = new Track().Drive(speed, 10).Offset(300).Drive(speed, seconds).Offset(0).Drive(speed, 40);

        Assert.Equal(cases, RuleRun.Run(_engine, Routed, track.Points).Cases.Count);
    }

    [Fact]
    public void Within_the_width_is_on_the_route()
    {
        var track = new Track().Drive(36, 10).Offset(140).Drive(36, 120).Offset(0).Drive(36, 40);

        Assert.Empty(RuleRun.Run(_engine, Routed, track.Points).Cases);
    }

    [Fact]
    public void A_brief_return_under_30_s_does_not_split_one_detour_in_two()
    {
        var track = new Track().Drive(36, 10).Offset(300).Drive(36, 40).Offset(0).Drive(36, 20).Offset(300).Drive(36, 40).Offset(0).Drive(36, 40);

        var c = Assert.Single(RuleRun.Run(_engine, Routed, track.Points).Cases);
        Assert.Equal(Track.At(11), c.Start);
        Assert.Equal(Track.At(110), c.End);
    }

    [Fact]
    public void A_vehicle_without_an_assigned_route_never_deviates()
    {
        var track = new Track().Drive(36, 10).Offset(3000).Drive(36, 300);

        Assert.DoesNotContain(RuleRun.Run(_engine, TestScenario.Truck(), track.Points).Cases, c => c.Kind == CaseKinds.RouteDeviation);
    }
}
