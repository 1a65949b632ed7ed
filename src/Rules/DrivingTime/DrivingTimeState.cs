using Telematics.Rules.Positions;

namespace Telematics.Rules.DrivingTime;

/// <summary>
/// What <see cref="DrivingTimeRule"/> remembers about one driver between positions. A value type:
/// <see cref="DrivingTimeRule.Step"/> takes a copy and returns the next one, so a caller's old
/// state never changes (the rule stays pure) and nothing is allocated per position. Plain public
/// properties and no cycles: System.Text.Json round-trips it, so rule state survives a restart.
/// <c>default</c> is the state of a driver never seen. All times are UTC; <c>default(DateTime)</c>
/// means "none".
/// </summary>
public record struct DrivingTimeState
{
    /// <summary>True once a first position has been seen.</summary>
    public bool Started { get; set; }

    /// <summary>The driver the cases name; null when the state is kept per vehicle (no driver known).</summary>
    public string? DriverId { get; set; }

    /// <summary>The last position accounted for.</summary>
    public DrivingTimePoint Last { get; set; }

    /// <summary>The last position reported the ignition on.</summary>
    public bool LastIgnition { get; set; }

    // ---- Calendar (profile's time zone), cached so that local time is computed once a day ----

    public DateTime DayStartUtc { get; set; }
    public DateTime DayEndUtc { get; set; }
    public DateTime WeekStartUtc { get; set; }
    public DateTime WeekEndUtc { get; set; }

    /// <summary>The local calendar day of <see cref="DayStartUtc"/> as yyyymmdd.</summary>
    public int DayLocal { get; set; }

    /// <summary>The local Monday of <see cref="WeekStartUtc"/> as yyyymmdd.</summary>
    public int WeekLocal { get; set; }

    // ---- Activity ----

    /// <summary>When the last driving ended: a stop's length is measured from here.</summary>
    public DateTime LastDrivingEnd { get; set; }

    /// <summary>When the last driving or on-duty time ended: a rest's length is measured from here.</summary>
    public DateTime LastDutyEnd { get; set; }

    // ---- Continuous driving period (since the last qualifying break) ----

    public long ContinuousTicks { get; set; }
    public DateTime ContinuousStart { get; set; }
    public DateTime ContinuousEnd { get; set; }
    public DrivingTimePoint ContinuousFirst { get; set; }
    public DrivingTimePoint ContinuousCrossed { get; set; }
    public DrivingTimePoint ContinuousLast { get; set; }
    public DeviceAlarms ContinuousAlarms { get; set; }

    /// <summary>EU: the first part of a split break has been taken in this period.</summary>
    public bool SplitBreakTaken { get; set; }

    /// <summary>Flush already raised this period's case.</summary>
    public bool ContinuousRaised { get; set; }

    // ---- The driver's day (a calendar day, or the time between daily rests) ----

    public bool DayOpen { get; set; }
    public long DayTicks { get; set; }

    /// <summary>First driving of the day (calendar) or first activity after the daily rest (US: coming on duty).</summary>
    public DateTime DayFirstTime { get; set; }
    public DateTime DayLastTime { get; set; }
    public DrivingTimePoint DayFirst { get; set; }
    public DrivingTimePoint DayCrossed { get; set; }
    public DrivingTimePoint DayLast { get; set; }
    public DeviceAlarms DayAlarms { get; set; }

    /// <summary>US: driving after the duty window closed.</summary>
    public long DayAfterWindowTicks { get; set; }

    /// <summary>The fixed week the day started in (for the EU extended days).</summary>
    public DateTime DayWeekStartUtc { get; set; }
    public bool DayRaised { get; set; }

    /// <summary>EU: extended days counted so far in the fixed week starting <see cref="ExtendedWeekStartUtc"/>.</summary>
    public int ExtendedDays { get; set; }
    public DateTime ExtendedWeekStartUtc { get; set; }

    // ---- The week: a fixed week's driving, or (rolling basis) the episode of driving over the on-duty limit ----

    /// <summary>Fixed week: driving this week. Rolling: driving done while over the on-duty limit in the open episode.</summary>
    public long WeekTicks { get; set; }

    /// <summary>Fixed week: driving in the previous fixed week (0 when none). Rolling: the episode's peak on-duty total.</summary>
    public long WeekOtherTicks { get; set; }
    public DateTime WeekFirstTime { get; set; }
    public DateTime WeekLastTime { get; set; }
    public DrivingTimePoint WeekFirst { get; set; }
    public DrivingTimePoint WeekCrossed { get; set; }
    public DrivingTimePoint WeekLast { get; set; }
    public DeviceAlarms WeekAlarms { get; set; }
    public bool WeekRaised { get; set; }

    // ---- Rolling on-duty days (US) ----

    public long OnDutyTodayTicks { get; set; }

    /// <summary>On-duty ticks of the previous days, yesterday first (never mutated: replaced once a day). Null when all zero.</summary>
    public long[]? OnDutyPreviousDays { get; set; }
    public long OnDutyPreviousTicks { get; set; }
}
