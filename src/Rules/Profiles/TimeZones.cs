namespace Telematics.Rules.Profiles;

/// <summary>
/// Time zones by IANA id. Vietnam's has a fixed offset (UTC+7, no daylight saving), so it works
/// even on a machine without tzdata; any other zone that cannot be found is an error naming it.
/// </summary>
public static class TimeZones
{
    public const string Vietnam = "Asia/Ho_Chi_Minh";

    public static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == Vietnam)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), id, id);
        }
    }
}
