using Telematics.Rules.Cases;
using Telematics.Rules.Geometry;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.DrivingTime;

/// <summary>
/// Driving time per driver: continuous, daily and weekly limits of a jurisdiction profile
/// (docs/driving-time.md has the semantics and the law). Pure: no clock, no I/O, no static
/// mutable state; positions must come in device-time order per driver.
/// </summary>
public static partial class DrivingTimeRule
{
    /// <summary>The key the caller keeps a <see cref="DrivingTimeState"/> under: the driver the device reports, else the registry's driver, else the vehicle.</summary>
    public static string DriverKey(PositionRecord position, VehicleInfo vehicle) =>
        position.DriverId ?? vehicle.Driver ?? vehicle.DeviceId;

    /// <summary>
    /// Accounts the interval from the state's last position to <paramref name="position"/> and
    /// appends any case that closed to <paramref name="raised"/>. A position not later than the
    /// last one (a duplicate, or out of order) changes nothing and returns the same state.
    /// </summary>
    public static DrivingTimeState Step(DrivingTimeState state, PositionRecord position, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        var p = profile.DrivingTime;
        var next = DrivingTimePoint.From(position);
        if (!state.Started)
        {
            var first = state;
            first.Started = true;
            first.DriverId = position.DriverId ?? vehicle.Driver;
            first.Last = next;
            first.LastIgnition = position.Ignition == true;
            DrivingTimeCalendar.Set(ref first, position.Time, profile.TimeZone);
            return first;
        }

        var from = state.Last.Time;
        var to = position.Time;
        var dt = to - from;
        if (dt <= TimeSpan.Zero)
        {
            return state;
        }

        ref var s = ref state; // the parameter is already the caller's copy: update it in place, return it
        var c = new Context(p, profile, vehicle, raised);
        var movingBefore = s.Last.SpeedKmh > p.MovingAboveKmh;
        var movingNow = position.SpeedKmh > p.MovingAboveKmh;

        if (dt <= p.MaxSampleInterval)
        {
            if (movingBefore && movingNow)
            {
                Drive(ref s, from, to, s.Last, next, in c);
            }
            else
            {
                // On duty while the interval began with the ignition on, or moving (it ends a drive).
                var onDuty = p.IgnitionOnIsDuty && (s.LastIgnition || movingBefore);
                Idle(ref s, from, to, onDuty, in c);
            }
        }
        else
        {
            var displacementM = GeoDistance.HaversineMeters(s.Last.Lat, s.Last.Lon, position.Lat, position.Lon);
            if (displacementM <= p.GapSamePlaceRadiusM)
            {
                Idle(ref s, from, to, onDuty: false, in c);
            }
            else if (movingBefore && movingNow && dt <= p.MaxDrivingGap)
            {
                Drive(ref s, from, to, s.Last, next, in c);
            }
            else
            {
                var creditSeconds = p.GapCreditSpeedKmh > 0 ? displacementM / (p.GapCreditSpeedKmh / 3.6) : 0;
                var creditTicks = creditSeconds >= dt.TotalSeconds ? dt.Ticks : (long)(creditSeconds * TimeSpan.TicksPerSecond);
                var driveFrom = to - TimeSpan.FromTicks(creditTicks);
                Idle(ref s, from, driveFrom, onDuty: false, in c);
                if (creditTicks > 0)
                {
                    Drive(ref s, driveFrom, to, s.Last, next, in c);
                }
            }
        }

        s.Last = next;
        s.LastIgnition = position.Ignition == true;
        return s;
    }

    /// <summary>
    /// At the end of a replay: raises the case of every episode still open and already over its
    /// limit (the continuous period, the driver's day, the week or rolling episode) with what was
    /// measured so far, and marks them raised. The returned state keeps counting if more
    /// positions follow, without raising those episodes again.
    /// </summary>
    public static DrivingTimeState Flush(DrivingTimeState state, VehicleInfo vehicle, JurisdictionProfile profile, List<RaisedCase> raised)
    {
        if (!state.Started)
        {
            return state;
        }

        ref var s = ref state; // the parameter is already the caller's copy: update it in place, return it
        var c = new Context(profile.DrivingTime, profile, vehicle, raised);
        if (!s.ContinuousRaised && RaiseContinuousIfOver(ref s, in c))
        {
            s.ContinuousRaised = true;
        }

        if (s.DayOpen && !s.DayRaised && RaiseDayIfOver(ref s, in c, out _))
        {
            s.DayRaised = true;
        }

        if (s.WeekTicks > 0 && !s.WeekRaised && RaiseWeekIfOver(ref s, in c))
        {
            s.WeekRaised = true;
        }

        return s;
    }

    private readonly struct Context(DrivingTimeProfile p, JurisdictionProfile profile, VehicleInfo vehicle, List<RaisedCase> raised)
    {
        public DrivingTimeProfile P { get; } = p;
        public JurisdictionProfile Profile { get; } = profile;
        public VehicleInfo Vehicle { get; } = vehicle;
        public List<RaisedCase> Raised { get; } = raised;
    }
}
