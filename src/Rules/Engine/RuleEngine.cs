using Telematics.Rules.Cases;
using Telematics.Rules.CorridorStops;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.GateQueues;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.RouteDeviation;
using Telematics.Rules.Scenario;
using Telematics.Rules.Speeding;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Engine;

/// <summary>
/// Runs every per-vehicle rule on one position: works out the facts once (projected position,
/// limit in force, corridor, zones, assigned route), then steps speeding, route deviation,
/// corridor stops and gate presence. Pure: the new state is returned, cases and gate visits are
/// appended to the caller's lists. Immutable and thread-safe (scenario and profile are shared).
/// </summary>
public sealed class RuleEngine(ScenarioMap map, JurisdictionProfile profile)
{
    public ScenarioMap Map { get; } = map;

    public JurisdictionProfile Profile { get; } = profile;

    /// <summary>
    /// Steps the rules. A position not newer than the last one the rules saw (a duplicate, or a
    /// late record) changes nothing: rules run on device time in order, late data is history.
    /// </summary>
    public VehicleRuleState Step(VehicleRuleState state, PositionRecord position, VehicleInfo vehicle, List<RaisedCase> raised, List<GateVisit> visits)
    {
        if (state.Last is { } last && position.Time <= last.Time)
        {
            return state;
        }

        var facts = Facts(position, vehicle);
        var who = WithReportedDriver(vehicle, position);
        return new VehicleRuleState
        {
            Speeding = SpeedingRule.Step(state.Speeding, state.Last, facts, who, Profile, raised),
            Route = RouteDeviationRule.Step(state.Route, facts, who, Profile, raised),
            Stop = CorridorStopRule.Step(state.Stop, facts, who, Profile, raised),
            Gate = GateQueueRule.Step(state.Gate, facts, visits),
            Last = new LastFix(position.Time, position.Lat, position.Lon, position.SpeedKmh, facts.LimitKmh),
        };
    }

    /// <summary>
    /// Steps a driver's hours (continuous, daily, weekly) with a position of the vehicle they
    /// drive. The caller keeps one state per <see cref="DriverKey"/>, so that a driver who changes
    /// vehicles keeps one account.
    /// </summary>
    public DrivingTimeState StepDriver(DrivingTimeState state, PositionRecord position, VehicleInfo vehicle, List<RaisedCase> raised) =>
        DrivingTimeRule.Step(state, position, WithReportedDriver(vehicle, position), Profile, raised);

    public DrivingTimeState FlushDriver(DrivingTimeState state, VehicleInfo vehicle, List<RaisedCase> raised) =>
        DrivingTimeRule.Flush(state, vehicle, Profile, raised);

    /// <summary>Whose hours a position counts for: the driver the device reports, else the registry's, else the vehicle.</summary>
    public static string DriverKey(PositionRecord position, VehicleInfo vehicle) => DrivingTimeRule.DriverKey(position, vehicle);

    /// <summary>Closes every open episode (the end of a replay): each is judged on what was seen.</summary>
    public VehicleRuleState Flush(VehicleRuleState state, VehicleInfo vehicle, List<RaisedCase> raised) => state with
    {
        Speeding = SpeedingRule.Flush(state.Speeding, vehicle, Profile, raised),
        Route = RouteDeviationRule.Flush(state.Route, vehicle, Profile, raised),
        Stop = CorridorStopRule.Flush(state.Stop, vehicle, Profile, raised),
    };

    /// <summary>The facts the rules share about a position.</summary>
    public PositionFacts Facts(PositionRecord position, VehicleInfo vehicle)
    {
        var x = Map.Projection.X(position.Lon);
        var y = Map.Projection.Y(position.Lat);
        var route = Map.RouteFor(vehicle, position.Time);
        var hits = Map.Locate(x, y, vehicle.Class);
        double limit;
        string source;
        if (route is not null && route.LimitFor(vehicle.Class) is { } routeLimit && route.Contains(x, y))
        {
            (limit, source) = (routeLimit, route.Name);
        }
        else if (hits.LimitZone is { } zone)
        {
            (limit, source) = (zone.LimitFor(vehicle.Class)!.Value, zone.Name);
        }
        else
        {
            (limit, source) = (Profile.DefaultLimitFor(vehicle.Class), Profile.Name);
        }

        return new PositionFacts(
            position,
            x,
            y,
            limit,
            source,
            hits.Corridor,
            hits.NoStopping,
            hits.GateZone,
            route,
            route?.DistanceTo(x, y) ?? 0);
    }

    private static VehicleInfo WithReportedDriver(VehicleInfo vehicle, PositionRecord position) =>
        position.DriverId is { } reported && reported != vehicle.Driver ? vehicle with { Driver = reported } : vehicle;
}
