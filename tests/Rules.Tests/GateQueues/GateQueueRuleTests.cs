using Telematics.Rules.Tests.Support;

namespace Telematics.Rules.Tests.GateQueues;

public sealed class GateQueueRuleTests
{
    [Fact]
    public void A_truck_through_the_approach_zone_into_the_yard_and_out_makes_visits_with_dwell_times()
    {
        var engine = TestScenario.Engine();
        // The approach zone is a 500 m circle at 106.79, the yard a 200 m circle at 106.795.
        var points = new Track().Drive(36, 600, everyS: 30).Points
            .Select((p, i) => p with { Lon = 106.783 + (i * 0.001) })
            .ToList();

        var visits = RuleRun.Run(engine, TestScenario.Truck(), points).Visits;

        Assert.Equal(
            ["enter Gate approach", "leave Gate approach", "enter Gate yard", "leave Gate yard"],
            visits.Select(v => (v.LeftAt is null ? "enter " : "leave ") + v.Zone));
        Assert.All(visits, v => Assert.Equal("Gate", v.Gate));
        Assert.Equal(TimeSpan.FromSeconds(90), visits[3].Dwell); // 106.794 to 106.796, 30 s apart
    }
}
