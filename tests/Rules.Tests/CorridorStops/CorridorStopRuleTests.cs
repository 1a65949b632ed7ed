using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Tests.Support;

namespace Telematics.Rules.Tests.CorridorStops;

/// <summary>Stops on the test corridor's no-stopping stretch (106.70–106.72, limit 10 min).</summary>
public sealed class CorridorStopRuleTests
{
    private readonly RuleEngine _engine = TestScenario.Engine();

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 1)]
    public void A_stop_longer_than_10_minutes_on_a_no_stopping_stretch_is_a_case(int minutes, int cases)
    {
        var track = new Track().Drive(30, 20, everyS: 10).Packet(0, 10);
        for (var i = 0; i < minutes * 2; i++)
        {
            track.Packet(0, 30);
        }

        track.Drive(30, 30, everyS: 10);

        var raised = RuleRun.Run(_engine, TestScenario.Truck(), track.Points).Cases;

        Assert.Equal(cases, raised.Count);
        if (cases == 1)
        {
            Assert.Equal(CaseKinds.CorridorStop, raised[0].Kind);
            Assert.Equal("Road", raised[0].Corridor);
            Assert.Equal(minutes * 60, raised[0].Measured["durationS"]);
            Assert.Equal(Track.At(30), raised[0].Start);
        }
    }

    [Fact]
    public void A_long_stop_off_the_stretch_is_not_a_case()
    {
        var track = new Track().Offset(2000).Packet(0, 10);
        for (var i = 0; i < 60; i++)
        {
            track.Packet(0, 30);
        }

        Assert.Empty(RuleRun.Run(_engine, TestScenario.Truck(), track.Points).Cases);
    }
}
