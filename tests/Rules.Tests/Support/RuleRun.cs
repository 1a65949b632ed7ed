using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.GateQueues;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Tests.Support;

/// <summary>Runs a track through the engine and collects what it raised.</summary>
public static class RuleRun
{
    public static (List<RaisedCase> Cases, List<GateVisit> Visits, VehicleRuleState State) Run(
        RuleEngine engine, VehicleInfo vehicle, IEnumerable<PositionRecord> track, bool flush = true, VehicleRuleState state = default)
    {
        var cases = new List<RaisedCase>();
        var visits = new List<GateVisit>();
        foreach (var p in track)
        {
            state = engine.Step(state, p, vehicle, cases, visits);
        }

        if (flush)
        {
            state = engine.Flush(state, vehicle, cases);
        }

        return (cases, visits, state);
    }
}
