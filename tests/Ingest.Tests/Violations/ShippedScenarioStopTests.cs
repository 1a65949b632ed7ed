using Telematics.Rules.Cases;
using Telematics.Rules.Engine;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Scenario;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Violations;

/// <summary>
/// The shipped Lạng Sơn scenario: a truck stopped 20 minutes on QL1 between Đồng Đăng and the
/// Hữu Nghị gate is a corridor-stop case; the same stop at the gate itself (clearance) is not.
/// </summary>
public sealed class ShippedScenarioStopTests
{
    private static readonly RuleEngine Engine = new(ScenarioFile.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", "lang-son.geojson")), JurisdictionProfiles.Vietnam);
    private static readonly VehicleInfo Truck = new("356307040000001", "12C-100.00", VehicleClass.Truck, "Công ty CP Vận tải Lạng Sơn", "GPLX-1");
    private static readonly DateTime T0 = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(106.704, 21.96, 1)] // on the no-stopping stretch of QL1
    [InlineData(106.7111, 21.9706, 0)] // at the Hữu Nghị gate
    public void A_twenty_minute_stop_is_a_case_on_the_stretch_and_not_at_the_gate(double lon, double lat, int cases)
    {
        var raised = new List<RaisedCase>();
        var visits = new List<Rules.GateQueues.GateVisit>();
        var state = default(VehicleRuleState);
        for (var s = 0; s <= 20 * 60; s += 30)
        {
            var position = new PositionRecord { DeviceId = Truck.DeviceId, Time = T0.AddSeconds(s), Lat = lat, Lon = lon, SpeedKmh = 0, Valid = true, Satellites = 9 };
            state = Engine.Step(state, position, Truck, raised, visits);
        }

        Engine.Flush(state, Truck, raised);

        Assert.Equal(cases, raised.Count(c => c.Kind == CaseKinds.CorridorStop));
    }
}
