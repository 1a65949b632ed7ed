namespace Telematics.Rules.DrivingTime;

/// <summary>Accounting of driving and non-driving time, split at local midnights.</summary>
public static partial class DrivingTimeRule
{
    private static void Drive(ref DrivingTimeState s, DateTime from, DateTime to, DrivingTimePoint fromPoint, DrivingTimePoint toPoint, in Context c)
    {
        ResumeDriving(ref s, from, in c);
        while (true)
        {
            var end = to < s.DayEndUtc ? to : s.DayEndUtc;
            if (end > from)
            {
                DrivePiece(ref s, from, end, fromPoint, toPoint, in c);
            }

            if (to < s.DayEndUtc)
            {
                return;
            }

            from = s.DayEndUtc;
            RollDay(ref s, in c);
        }
    }

    private static void Idle(ref DrivingTimeState s, DateTime from, DateTime to, bool onDuty, in Context c)
    {
        while (true)
        {
            var end = to < s.DayEndUtc ? to : s.DayEndUtc;
            if (onDuty && end > from)
            {
                OnDutyPiece(ref s, from, end, in c);
            }

            if (to < s.DayEndUtc)
            {
                break;
            }

            from = s.DayEndUtc;
            RollDay(ref s, in c);
        }

        CheckBreak(ref s, to, in c);
        CheckDailyRest(ref s, to, in c);
        CheckRestart(ref s, to, in c);
    }

    /// <summary>Driving resumes at <paramref name="at"/>: close what the stop before it closed, and note an EU first split part.</summary>
    private static void ResumeDriving(ref DrivingTimeState s, DateTime at, in Context c)
    {
        if (s.LastDrivingEnd == default)
        {
            return;
        }

        CheckBreak(ref s, at, in c);
        CheckDailyRest(ref s, at, in c);
        CheckRestart(ref s, at, in c);
        var stop = at - s.LastDrivingEnd;
        if (c.P.SplitBreakFirst is { } first && s.ContinuousTicks > 0 && stop >= first && stop < c.P.BreakLength)
        {
            s.SplitBreakTaken = true;
        }
    }

    private static void DrivePiece(ref DrivingTimeState s, DateTime a, DateTime b, DrivingTimePoint fromPoint, DrivingTimePoint toPoint, in Context c)
    {
        var p = c.P;
        var len = (b - a).Ticks;
        var alarms = fromPoint.Alarms | toPoint.Alarms;

        if (s.ContinuousTicks == 0)
        {
            s.ContinuousStart = a;
            s.ContinuousFirst = fromPoint;
            s.ContinuousCrossed = default;
            s.ContinuousAlarms = default;
            s.ContinuousRaised = false;
            s.SplitBreakTaken = false;
        }

        var limit = p.ContinuousLimit.Ticks;
        if (s.ContinuousTicks <= limit && s.ContinuousTicks + len > limit)
        {
            s.ContinuousCrossed = toPoint;
        }

        s.ContinuousTicks += len;
        s.ContinuousEnd = b;
        s.ContinuousLast = toPoint;
        s.ContinuousAlarms |= alarms;

        if (!s.DayOpen)
        {
            OpenDay(ref s, a, fromPoint);
        }

        var dayLimit = p.DailyLimit.Ticks;
        if (s.DayTicks <= dayLimit && s.DayTicks + len > dayLimit)
        {
            s.DayCrossed = toPoint;
        }

        s.DayTicks += len;
        s.DayLastTime = b;
        s.DayLast = toPoint;
        s.DayAlarms |= alarms;
        if (p.DutyWindow is { } window)
        {
            var windowEnd = s.DayFirstTime + window;
            if (b > windowEnd)
            {
                s.DayAfterWindowTicks += (b - (a > windowEnd ? a : windowEnd)).Ticks;
            }
        }

        if (p.WeeklyBasis == WeeklyBasis.FixedWeek)
        {
            if (s.WeekTicks == 0)
            {
                s.WeekFirstTime = a;
                s.WeekFirst = fromPoint;
                s.WeekCrossed = default;
                s.WeekAlarms = default;
                s.WeekRaised = false;
            }

            var weekLimit = p.WeeklyLimit.Ticks;
            if (s.WeekTicks <= weekLimit && s.WeekTicks + len > weekLimit)
            {
                s.WeekCrossed = toPoint;
            }

            s.WeekTicks += len;
            s.WeekLastTime = b;
            s.WeekLast = toPoint;
            s.WeekAlarms |= alarms;
        }
        else
        {
            s.OnDutyTodayTicks += len;
            var total = s.OnDutyPreviousTicks + s.OnDutyTodayTicks;
            var over = total - p.WeeklyLimit.Ticks;
            if (over > 0)
            {
                var overFrom = over >= len ? a : b - TimeSpan.FromTicks(over);
                if (s.WeekTicks == 0)
                {
                    s.WeekFirstTime = overFrom;
                    s.WeekFirst = toPoint;
                    s.WeekCrossed = toPoint;
                    s.WeekAlarms = default;
                    s.WeekRaised = false;
                }

                s.WeekTicks += (b - overFrom).Ticks;
                s.WeekOtherTicks = Math.Max(s.WeekOtherTicks, total);
                s.WeekLastTime = b;
                s.WeekLast = toPoint;
                s.WeekAlarms |= alarms;
            }
        }

        s.LastDrivingEnd = b;
        s.LastDutyEnd = b;
    }

    /// <summary>US: standing with the ignition on is on duty: it opens the duty day and counts towards the rolling limit.</summary>
    private static void OnDutyPiece(ref DrivingTimeState s, DateTime a, DateTime b, in Context c)
    {
        CheckDailyRest(ref s, a, in c);
        CheckRestart(ref s, a, in c);
        if (!s.DayOpen && c.P.DayBoundary == DayBoundary.AfterDailyRest)
        {
            OpenDay(ref s, a, s.Last);
        }

        s.OnDutyTodayTicks += (b - a).Ticks;
        s.LastDutyEnd = b;
    }

    private static void OpenDay(ref DrivingTimeState s, DateTime at, DrivingTimePoint point)
    {
        s.DayOpen = true;
        s.DayRaised = false;
        s.DayTicks = 0;
        s.DayAfterWindowTicks = 0;
        s.DayFirstTime = at;
        s.DayLastTime = at;
        s.DayFirst = point;
        s.DayCrossed = default;
        s.DayLast = point;
        s.DayAlarms = point.Alarms;
        s.DayWeekStartUtc = s.WeekStartUtc;
    }

    /// <summary>Local midnight reached (<see cref="DrivingTimeState.DayEndUtc"/>): close the calendar day, shift the rolling days, close the week on Monday.</summary>
    private static void RollDay(ref DrivingTimeState s, in Context c)
    {
        var p = c.P;
        var boundary = s.DayEndUtc;
        if (p.DayBoundary == DayBoundary.CalendarDay)
        {
            CloseDay(ref s, in c);
        }

        if (p.WeeklyBasis == WeeklyBasis.RollingDays)
        {
            ShiftRollingDays(ref s, in c);
        }
        else if (boundary >= s.WeekEndUtc)
        {
            CloseWeek(ref s, in c);
        }

        DrivingTimeCalendar.Set(ref s, boundary, c.Profile.TimeZone);
    }

    private static void ShiftRollingDays(ref DrivingTimeState s, in Context c)
    {
        var keep = Math.Max(0, c.P.RollingDays - 1);
        if (s.OnDutyTodayTicks != 0 || s.OnDutyPreviousTicks != 0)
        {
            var previous = s.OnDutyPreviousDays;
            var shifted = new long[keep];
            if (keep > 0)
            {
                shifted[0] = s.OnDutyTodayTicks;
                for (var i = 1; i < keep && previous is not null && i - 1 < previous.Length; i++)
                {
                    shifted[i] = previous[i - 1];
                }
            }

            long sum = 0;
            foreach (var ticks in shifted)
            {
                sum += ticks;
            }

            s.OnDutyPreviousDays = sum == 0 ? null : shifted;
            s.OnDutyPreviousTicks = sum;
            s.OnDutyTodayTicks = 0;
        }

        // Driving is lawful again once the days that fall out of the window bring the total down.
        if (s.WeekTicks > 0 && s.OnDutyPreviousTicks <= c.P.WeeklyLimit.Ticks)
        {
            CloseWeek(ref s, in c);
        }
    }

    /// <summary>A stop of the break length (or the EU split's second part) ends the continuous period.</summary>
    private static void CheckBreak(ref DrivingTimeState s, DateTime now, in Context c)
    {
        if (s.ContinuousTicks == 0)
        {
            return;
        }

        var stop = now - s.LastDrivingEnd;
        if (stop >= c.P.BreakLength || (s.SplitBreakTaken && c.P.SplitBreakSecond is { } second && stop >= second))
        {
            CloseContinuous(ref s, in c);
        }
    }

    private static void CheckDailyRest(ref DrivingTimeState s, DateTime now, in Context c)
    {
        if (s.DayOpen && c.P.DayBoundary == DayBoundary.AfterDailyRest && now - s.LastDutyEnd >= c.P.DailyRest)
        {
            CloseDay(ref s, in c);
        }
    }

    /// <summary>US: off duty for the restart length (34 h) zeroes the rolling on-duty count.</summary>
    private static void CheckRestart(ref DrivingTimeState s, DateTime now, in Context c)
    {
        if (c.P.Restart is not { } restart || c.P.WeeklyBasis != WeeklyBasis.RollingDays || now - s.LastDutyEnd < restart)
        {
            return;
        }

        if (s.WeekTicks > 0)
        {
            CloseWeek(ref s, in c);
        }

        s.OnDutyPreviousDays = null;
        s.OnDutyPreviousTicks = 0;
        s.OnDutyTodayTicks = 0;
    }
}
