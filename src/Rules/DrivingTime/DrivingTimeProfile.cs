using Telematics.Rules.Cases;

namespace Telematics.Rules.DrivingTime;

/// <summary>
/// Hours-of-driving limits of one jurisdiction (regulation.md §2 and §6) and how driving is
/// recognised from positions. The defaults are Vietnam 2024 (Law 36/2024 Art. 64(1)); the EU and
/// US profiles in <c>JurisdictionProfiles</c> override them. Immutable; shared by all drivers.
/// </summary>
public sealed record DrivingTimeProfile
{
    // ---- Recognising driving from positions ---------------------------------------------------

    /// <summary>Above this speed the vehicle counts as moving (GPS drift at rest reads a few km/h).</summary>
    public double MovingAboveKmh { get; init; } = 5;

    /// <summary>
    /// Two positions at most this far apart are an observed interval: it is driving when the
    /// vehicle was moving at both ends, else a stop. Longer intervals are gaps in the data,
    /// classified by the gap rules below.
    /// </summary>
    public TimeSpan MaxSampleInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A gap whose two ends are at most this far apart (great circle) is a stop for its whole length.</summary>
    public double GapSamePlaceRadiusM { get; init; } = 300;

    /// <summary>
    /// A gap of at most this length, with the vehicle moving at both ends and displaced, counts as
    /// driving for its whole length (tunnels, no coverage).
    /// </summary>
    public TimeSpan MaxDrivingGap { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Any other displaced gap is credited the least driving consistent with it: the straight-line
    /// displacement at this speed (never more than the gap), placed at the end of the gap; the rest
    /// of the gap is a stop.
    /// </summary>
    public double GapCreditSpeedKmh { get; init; } = 80;

    /// <summary>
    /// When true, time standing with the ignition on counts as on duty (US): it does not rest the
    /// driver for <see cref="DailyRest"/> and <see cref="Restart"/>, and it counts towards the rolling
    /// on-duty limit. When false, every non-driving moment is rest.
    /// </summary>
    public bool IgnitionOnIsDuty { get; init; }

    // ---- Continuous driving -------------------------------------------------------------------

    /// <summary>Driving accumulated since the last qualifying break beyond this is a violation.</summary>
    public TimeSpan ContinuousLimit { get; init; } = TimeSpan.FromHours(4);

    /// <summary>A stop at least this long breaks continuous driving.</summary>
    public TimeSpan BreakLength { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// EU split break: a stop at least this long (shorter than <see cref="BreakLength"/>) followed
    /// later by one of at least <see cref="SplitBreakSecond"/> also breaks continuous driving. Null: no split.
    /// </summary>
    public TimeSpan? SplitBreakFirst { get; init; }

    /// <summary>The second part of a split break (taken after the first). Null: no split.</summary>
    public TimeSpan? SplitBreakSecond { get; init; }

    // ---- Daily driving ------------------------------------------------------------------------

    /// <summary>Driving per day beyond this is a violation.</summary>
    public TimeSpan DailyLimit { get; init; } = TimeSpan.FromHours(10);

    /// <summary>What a "day" is: a calendar day in the profile's time zone, or the time between daily rests.</summary>
    public DayBoundary DayBoundary { get; init; } = DayBoundary.CalendarDay;

    /// <summary>With <see cref="DayBoundary.AfterDailyRest"/>: a rest at least this long ends the driver's day.</summary>
    public TimeSpan DailyRest { get; init; } = TimeSpan.FromHours(11);

    /// <summary>EU: a day may reach this instead of <see cref="DailyLimit"/> on <see cref="ExtendedDaysPerWeek"/> days of a fixed week. Null: no extension.</summary>
    public TimeSpan? ExtendedDailyLimit { get; init; }

    /// <summary>How many extended days a fixed week allows.</summary>
    public int ExtendedDaysPerWeek { get; init; } = 2;

    /// <summary>US: no driving after this long since coming on duty (the day's window). Null: no window.</summary>
    public TimeSpan? DutyWindow { get; init; }

    // ---- Weekly driving -----------------------------------------------------------------------

    /// <summary>Driving per fixed week (Monday 00:00 local), or on-duty time per rolling window, beyond this is a violation.</summary>
    public TimeSpan WeeklyLimit { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Fixed weeks of driving time (VN, EU) or a rolling window of on-duty days (US).</summary>
    public WeeklyBasis WeeklyBasis { get; init; } = WeeklyBasis.FixedWeek;

    /// <summary>With <see cref="WeeklyBasis.RollingDays"/>: the window in calendar days (US 7, or 8 for the 70 h option).</summary>
    public int RollingDays { get; init; } = 7;

    /// <summary>EU: driving in two consecutive fixed weeks beyond this is a violation. Null: no such rule.</summary>
    public TimeSpan? TwoWeekLimit { get; init; }

    /// <summary>US: off duty at least this long restarts the rolling on-duty count. Null: no restart.</summary>
    public TimeSpan? Restart { get; init; }

    // ---- The law -------------------------------------------------------------------------------

    public string ContinuousReference { get; init; } = "Law 36/2024 Art. 64(1); Decree 168/2024 Art. 21.5.b (goods) / 20.6.d (passenger)";

    public string DailyReference { get; init; } = "Law 36/2024 Art. 64(1); Decree 168/2024 Art. 21.5.b (goods) / 20.6.d (passenger)";

    public string WeeklyReference { get; init; } = "Law 36/2024 Art. 64(1); Decree 168/2024 Art. 21.5.b (goods) / 20.6.d (passenger)";

    /// <summary>The driver's fine for any of the three; null where national law sets it.</summary>
    public FineRange? Fine { get; init; } = new FineRange(3_000_000, 5_000_000, 2);
}
