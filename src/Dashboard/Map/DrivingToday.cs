using Telematics.Ingest.LiveState;
using Telematics.Ingest.Violations;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Engine;
using Telematics.Rules.Vehicles;

namespace Telematics.Dashboard.Map;

/// <summary>
/// Today's driving of a vehicle's driver, from the rules' driving-time state (only in the
/// all-in-one mode, where the rules run in this process): the driven time of the calendar day
/// the state is in, zero once that day has ended. The day is the rules profile's (the operators'
/// zone, Asia/Ho_Chi_Minh by default).
/// </summary>
public static class DrivingToday
{
    /// <summary>Null when the driving-time state is not available here (standalone mode, rules off).</summary>
    public static TimeSpan? Of(IServiceProvider services, string deviceId, DateTime nowUtc)
    {
        if (services.GetService<RulesConsumer>() is not { } rules
            || services.GetService<LiveFleetState>() is not { } live
            || !live.TryGet(deviceId, out var vehicle))
        {
            return null;
        }

        var info = vehicle.Vehicle is { } e
            ? new VehicleInfo(deviceId, e.Plate, e.VehicleClass, e.Operator, e.Driver)
            : VehicleInfo.Unknown(deviceId);
        return rules.TryGetDriving(RuleEngine.DriverKey(vehicle.Last, info), out var state) ? Driven(state, nowUtc) : TimeSpan.Zero;
    }

    /// <summary>The day's driving of a state, or zero when its day is over (nothing driven since local midnight).</summary>
    public static TimeSpan Driven(in DrivingTimeState state, DateTime nowUtc) =>
        state.DayOpen && nowUtc < state.DayEndUtc ? TimeSpan.FromTicks(state.DayTicks) : TimeSpan.Zero;
}
