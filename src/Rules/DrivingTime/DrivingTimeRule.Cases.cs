using Telematics.Rules.Cases;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.DrivingTime;

/// <summary>Closing episodes and raising their cases.</summary>
public static partial class DrivingTimeRule
{
    private static void CloseContinuous(ref DrivingTimeState s, in Context c)
    {
        if (!s.ContinuousRaised)
        {
            RaiseContinuousIfOver(ref s, in c);
        }

        s.ContinuousTicks = 0;
        s.ContinuousRaised = false;
        s.SplitBreakTaken = false;
    }

    private static bool RaiseContinuousIfOver(ref DrivingTimeState s, in Context c)
    {
        var p = c.P;
        if (s.ContinuousTicks <= p.ContinuousLimit.Ticks)
        {
            return false;
        }

        var measured = new Dictionary<string, double>
        {
            ["continuousH"] = Hours(s.ContinuousTicks),
            ["limitH"] = Hours(p.ContinuousLimit.Ticks),
            ["breakMin"] = p.BreakLength.TotalMinutes,
        };
        c.Raised.Add(NewCase(CaseKinds.ContinuousDriving, in s, in c, s.ContinuousStart, s.ContinuousEnd, measured, p.ContinuousReference,
            s.ContinuousAlarms, [s.ContinuousFirst, s.ContinuousCrossed, s.ContinuousLast]));
        return true;
    }

    private static void CloseDay(ref DrivingTimeState s, in Context c)
    {
        if (!s.DayOpen)
        {
            return;
        }

        int extendedDays;
        if (s.DayRaised)
        {
            CountExtension(in s, in c, out extendedDays);
        }
        else
        {
            RaiseDayIfOver(ref s, in c, out extendedDays);
        }

        if (extendedDays > 0)
        {
            s.ExtendedDays = extendedDays;
            s.ExtendedWeekStartUtc = s.DayWeekStartUtc;
        }

        s.DayOpen = false;
        s.DayRaised = false;
        s.DayTicks = 0;
        s.DayAfterWindowTicks = 0;
    }

    /// <summary>EU: whether this day is an extended one (over the daily limit), and the week's count including it.</summary>
    private static bool CountExtension(in DrivingTimeState s, in Context c, out int extendedDays)
    {
        extendedDays = 0;
        if (c.P.ExtendedDailyLimit is null || s.DayTicks <= c.P.DailyLimit.Ticks)
        {
            return false;
        }

        var before = s.ExtendedWeekStartUtc == s.DayWeekStartUtc ? s.ExtendedDays : 0;
        extendedDays = before + 1;
        return true;
    }

    private static bool RaiseDayIfOver(ref DrivingTimeState s, in Context c, out int extendedDays)
    {
        var p = c.P;
        var limit = p.DailyLimit;
        var extended = CountExtension(in s, in c, out extendedDays);
        bool over;
        if (extended)
        {
            // Over the daily limit: lawful only as one of the week's allowed extended days, up to the extended limit.
            over = s.DayTicks > p.ExtendedDailyLimit!.Value.Ticks || extendedDays > p.ExtendedDaysPerWeek;
            if (s.DayTicks > p.ExtendedDailyLimit!.Value.Ticks)
            {
                limit = p.ExtendedDailyLimit.Value;
            }
        }
        else
        {
            over = s.DayTicks > limit.Ticks;
        }

        var afterWindow = p.DutyWindow is not null && s.DayAfterWindowTicks > 0;
        if (!over && !afterWindow)
        {
            return false;
        }

        var measured = new Dictionary<string, double>
        {
            ["drivenH"] = Hours(s.DayTicks),
            ["limitH"] = Hours(limit.Ticks),
            ["dayLocal"] = p.DayBoundary == DayBoundary.CalendarDay ? s.DayLocal : DrivingTimeCalendar.LocalDayOf(s.DayFirstTime, c.Profile.TimeZone),
        };
        if (p.ExtendedDailyLimit is { } extendedLimit)
        {
            measured["extendedLimitH"] = Hours(extendedLimit.Ticks);
            measured["extendedDays"] = extendedDays;
        }

        if (p.DutyWindow is { } window)
        {
            measured["windowH"] = Hours(window.Ticks);
            measured["drivenAfterWindowH"] = Hours(s.DayAfterWindowTicks);
        }

        c.Raised.Add(NewCase(CaseKinds.DailyDriving, in s, in c, s.DayFirstTime, s.DayLastTime, measured, p.DailyReference,
            s.DayAlarms, [s.DayFirst, s.DayCrossed, s.DayLast]));
        return true;
    }

    private static void CloseWeek(ref DrivingTimeState s, in Context c)
    {
        if (s.WeekTicks > 0 && !s.WeekRaised)
        {
            RaiseWeekIfOver(ref s, in c);
        }

        // Fixed weeks close in order, one per Monday, so this is the previous week's driving for the next one.
        s.WeekOtherTicks = c.P.WeeklyBasis == WeeklyBasis.FixedWeek ? s.WeekTicks : 0;
        s.WeekTicks = 0;
        s.WeekRaised = false;
    }

    private static bool RaiseWeekIfOver(ref DrivingTimeState s, in Context c)
    {
        var p = c.P;
        Dictionary<string, double> measured;
        if (p.WeeklyBasis == WeeklyBasis.RollingDays)
        {
            measured = new Dictionary<string, double>
            {
                ["onDutyH"] = Hours(s.WeekOtherTicks),
                ["limitH"] = Hours(p.WeeklyLimit.Ticks),
                ["days"] = p.RollingDays,
                ["drivenOverH"] = Hours(s.WeekTicks),
            };
        }
        else
        {
            var overWeek = s.WeekTicks > p.WeeklyLimit.Ticks;
            var twoWeeks = s.WeekOtherTicks + s.WeekTicks;
            var overTwoWeeks = p.TwoWeekLimit is { } twoWeekLimit && twoWeeks > twoWeekLimit.Ticks;
            if (!overWeek && !overTwoWeeks)
            {
                return false;
            }

            measured = new Dictionary<string, double>
            {
                ["drivenH"] = Hours(s.WeekTicks),
                ["limitH"] = Hours(p.WeeklyLimit.Ticks),
                ["weekLocal"] = s.WeekLocal,
            };
            if (p.TwoWeekLimit is { } limit2)
            {
                measured["twoWeeksH"] = Hours(twoWeeks);
                measured["twoWeekLimitH"] = Hours(limit2.Ticks);
                measured["overWeekLimit"] = overWeek ? 1 : 0;
                measured["overTwoWeekLimit"] = overTwoWeeks ? 1 : 0;
            }
        }

        c.Raised.Add(NewCase(CaseKinds.WeeklyDriving, in s, in c, s.WeekFirstTime, s.WeekLastTime, measured, p.WeeklyReference,
            s.WeekAlarms, [s.WeekFirst, s.WeekCrossed, s.WeekLast]));
        return true;
    }

    private static RaisedCase NewCase(string kind, in DrivingTimeState s, in Context c, DateTime start, DateTime end,
        Dictionary<string, double> measured, string legalReference, Positions.DeviceAlarms alarms, DrivingTimePoint[] points)
    {
        var evidence = new List<EvidencePoint>(points.Length);
        var lastTime = DateTime.MinValue;
        foreach (var point in points)
        {
            if (point.Time != default && point.Time > lastTime)
            {
                evidence.Add(point.ToEvidence());
                lastTime = point.Time;
            }
        }

        var vehicle = c.Vehicle;
        return new RaisedCase
        {
            Kind = kind,
            DeviceId = vehicle.DeviceId,
            Plate = vehicle.Plate,
            VehicleClass = VehicleClassNames.ToName(vehicle.Class),
            Operator = vehicle.Operator,
            DriverId = s.DriverId,
            Start = start,
            End = end,
            Measured = measured,
            LegalReference = legalReference,
            Fine = c.P.Fine,
            DeviceAlarms = alarms,
            Evidence = evidence,
        };
    }

    private static double Hours(long ticks) => Math.Round((double)ticks / TimeSpan.TicksPerHour, 4);
}
