using Telematics.Ingest.Violations;
using Telematics.Rules.GateQueues;

namespace Telematics.Ingest.Tests.Violations;

public sealed class GateBoardTests
{
    private static readonly DateTime T0 = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Counts_vehicles_present_and_the_median_and_p90_dwell_of_recent_visits()
    {
        var board = new GateBoard();
        for (var i = 1; i <= 10; i++)
        {
            board.Apply(new GateVisit("V" + i, "Hữu Nghị holding yard", "Hữu Nghị", "holding-yard", T0, null));
            board.Apply(new GateVisit("V" + i, "Hữu Nghị holding yard", "Hữu Nghị", "holding-yard", T0, T0.AddMinutes(i * 10)));
        }

        board.Apply(new GateVisit("W1", "Hữu Nghị holding yard", "Hữu Nghị", "holding-yard", T0, null));
        board.Apply(new GateVisit("W2", "Hữu Nghị holding yard", "Hữu Nghị", "holding-yard", T0, null));
        board.Apply(new GateVisit("W3", "Hữu Nghị approach", "Hữu Nghị", "approach-zone", T0, null));

        var zones = board.Snapshot();

        var yard = Assert.Single(zones, z => z.Kind == "holding-yard");
        Assert.Equal(2, yard.Vehicles);
        Assert.Equal(TimeSpan.FromMinutes(50), yard.DwellMedian);
        Assert.Equal(TimeSpan.FromMinutes(90), yard.DwellP90);
        var approach = Assert.Single(zones, z => z.Kind == "approach-zone");
        Assert.Equal(1, approach.Vehicles);
        Assert.Null(approach.DwellMedian);
    }
}
