namespace Telematics.Rules.DrivingTime;

/// <summary>What a driver's "day" is for the daily limit.</summary>
public enum DayBoundary
{
    /// <summary>A calendar day in the profile's time zone; a drive across midnight splits at 00:00 local (VN).</summary>
    CalendarDay,

    /// <summary>The time between two daily rests of at least <see cref="DrivingTimeProfile.DailyRest"/> (EU, US).</summary>
    AfterDailyRest,
}
