namespace Telematics.Dashboard.Localization;

/// <summary>The operators' time zone by IANA id; with invariant globalization and no tzdata it falls back to UTC+7 (Vietnam has no daylight saving).</summary>
public static class DashboardTime
{
    public static TimeZoneInfo Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), id, id);
        }
    }
}
