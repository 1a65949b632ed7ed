namespace Telematics.Rules.DrivingTime;

/// <summary>Local calendar days and fixed weeks (Monday 00:00) as UTC bounds; computed once per day, not per position.</summary>
internal static class DrivingTimeCalendar
{
    /// <summary>Sets the day and week bounds containing <paramref name="utc"/>.</summary>
    public static void Set(ref DrivingTimeState s, DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var day = local.Date;
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        s.DayStartUtc = ToUtc(day, zone);
        s.DayEndUtc = ToUtc(day.AddDays(1), zone);
        s.WeekStartUtc = ToUtc(monday, zone);
        s.WeekEndUtc = ToUtc(monday.AddDays(7), zone);
        s.DayLocal = AsNumber(day);
        s.WeekLocal = AsNumber(monday);
    }

    public static int LocalDayOf(DateTime utc, TimeZoneInfo zone) =>
        AsNumber(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).Date);

    private static int AsNumber(DateTime date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static DateTime ToUtc(DateTime localMidnight, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day starts at the first local time that exists.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
