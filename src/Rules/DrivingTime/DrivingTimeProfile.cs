namespace Telematics.Rules.DrivingTime;

/// <summary>Hours-of-driving limits of one jurisdiction (regulation.md §2 and §6).</summary>
public sealed record DrivingTimeProfile
{
    /// <summary>Continuous driving beyond this without a qualifying break is a violation.</summary>
    public TimeSpan ContinuousLimit { get; init; } = TimeSpan.FromHours(4);

    /// <summary>A stop at least this long breaks continuous driving.</summary>
    public TimeSpan BreakLength { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Driving per calendar day (operator's time zone) beyond this is a violation.</summary>
    public TimeSpan DailyLimit { get; init; } = TimeSpan.FromHours(10);

    /// <summary>Driving per week (Monday 00:00) beyond this is a violation.</summary>
    public TimeSpan WeeklyLimit { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Above this speed the vehicle counts as driving.</summary>
    public double MovingAboveKmh { get; init; } = 5;
}
