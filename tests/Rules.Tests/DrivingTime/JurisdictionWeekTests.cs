using Telematics.Rules.Profiles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

/// <summary>The same week of driving (one UTC track) judged by each jurisdiction profile.</summary>
public sealed class JurisdictionWeekTests
{
    /// <summary>
    /// A cross-border truck's week, Vietnam time: Monday to Wednesday 08:00–20:35 (4 h 30, 20 min
    /// break, 4 h, 45 min, 3 h = 11 h 30 of driving); Thursday 08:00–23:15 with a 3 h wait at the gate
    /// with the engine running; Friday 10:00–22:35 like Monday; Saturday 09:00–13:00. 61 h 30 in all.
    /// Short breaks report every minute with the ignition off; nights are silent.
    /// </summary>
    internal static Track Week()
    {
        var track = At("2025-01-06T08:00:00+07:00");
        foreach (var day in new[] { "07", "08", "09" })
        {
            StandardDay(track).ParkUntil($"2025-01-{day}T08:00:00+07:00");
        }

        track.Drive(H(4)).Stop(H(3), ignition: true).Drive(H(4)).Stop(M(45)).Drive(H(3.5)).ParkUntil("2025-01-10T10:00:00+07:00");
        StandardDay(track).ParkUntil("2025-01-11T09:00:00+07:00");
        return track.Drive(H(4)).Stop(M(30));
    }

    private static Track StandardDay(Track track) => track.Drive(H(4.5)).Stop(M(20)).Drive(H(4)).Stop(M(45)).Drive(H(3));

    [Fact]
    public void Vietnam_2024_four_continuous_five_daily_and_one_weekly_case()
    {
        Assert.Equal(
            [
                "continuous-driving 01-06 08:00:00..01-06 12:30:00 breakMin=15 continuousH=4.5 limitH=4",
                "daily-driving 01-06 08:00:00..01-06 20:35:00 dayLocal=20250106 drivenH=11.5 limitH=10",
                "continuous-driving 01-07 08:00:00..01-07 12:30:00 breakMin=15 continuousH=4.5 limitH=4",
                "daily-driving 01-07 08:00:00..01-07 20:35:00 dayLocal=20250107 drivenH=11.5 limitH=10",
                "continuous-driving 01-08 08:00:00..01-08 12:30:00 breakMin=15 continuousH=4.5 limitH=4",
                "daily-driving 01-08 08:00:00..01-08 20:35:00 dayLocal=20250108 drivenH=11.5 limitH=10",
                "daily-driving 01-09 08:00:00..01-09 23:15:00 dayLocal=20250109 drivenH=11.5 limitH=10",
                "continuous-driving 01-10 10:00:00..01-10 14:30:00 breakMin=15 continuousH=4.5 limitH=4",
                "daily-driving 01-10 10:00:00..01-10 22:35:00 dayLocal=20250110 drivenH=11.5 limitH=10",
                "weekly-driving 01-06 08:00:00..01-11 13:00:00 drivenH=61.5 limitH=48 weekLocal=20250106",
            ],
            Replay.Describe(Week().Records, JurisdictionProfiles.Vietnam));
    }

    [Fact]
    public void Eu_561_four_continuous_five_daily_and_one_weekly_case()
    {
        // Brussels time (VN − 6 h). The 20 min break is only a split's first part, so 8 h 30 run on.
        Assert.Equal(
            [
                "continuous-driving 01-06 02:00:00..01-06 10:50:00 breakMin=45 continuousH=8.5 limitH=4.5",
                "daily-driving 01-06 02:00:00..01-06 14:35:00 dayLocal=20250106 drivenH=11.5 extendedDays=1 extendedLimitH=10 limitH=10",
                "continuous-driving 01-07 02:00:00..01-07 10:50:00 breakMin=45 continuousH=8.5 limitH=4.5",
                "daily-driving 01-07 02:00:00..01-07 14:35:00 dayLocal=20250107 drivenH=11.5 extendedDays=2 extendedLimitH=10 limitH=10",
                "continuous-driving 01-08 02:00:00..01-08 10:50:00 breakMin=45 continuousH=8.5 limitH=4.5",
                "daily-driving 01-08 02:00:00..01-08 14:35:00 dayLocal=20250108 drivenH=11.5 extendedDays=3 extendedLimitH=10 limitH=10",
                "daily-driving 01-09 02:00:00..01-09 17:15:00 dayLocal=20250109 drivenH=11.5 extendedDays=4 extendedLimitH=10 limitH=10",
                "continuous-driving 01-10 04:00:00..01-10 12:50:00 breakMin=45 continuousH=8.5 limitH=4.5",
                "daily-driving 01-10 04:00:00..01-10 16:35:00 dayLocal=20250110 drivenH=11.5 extendedDays=5 extendedLimitH=10 limitH=10",
                "weekly-driving 01-06 02:00:00..01-11 07:00:00 drivenH=61.5 limitH=56 overTwoWeekLimit=0 overWeekLimit=1 twoWeekLimitH=90 twoWeeksH=61.5 weekLocal=20250106",
            ],
            Replay.Describe(Week().Records, JurisdictionProfiles.Eu));
    }

    [Fact]
    public void Us_fmcsa_four_break_five_daily_one_window_and_one_60_hour_case()
    {
        // Chicago time (VN − 13 h). Thursday's 3 h wait with the engine on is on duty: its 14 h window
        // closes at 09:00 CST, 1 h 15 before the driving ends; it also tips the 7-day on-duty total
        // over 60 h on Friday's last leg (each break's first minute, ending a drive, is on duty too).
        Assert.Equal(
            [
                "continuous-driving 01-05 19:00:00..01-06 03:50:00 breakMin=30 continuousH=8.5 limitH=8",
                "daily-driving 01-05 19:00:00..01-06 07:35:00 dayLocal=20250105 drivenAfterWindowH=0 drivenH=11.5 limitH=11 windowH=14",
                "continuous-driving 01-06 19:00:00..01-07 03:50:00 breakMin=30 continuousH=8.5 limitH=8",
                "daily-driving 01-06 19:00:00..01-07 07:35:00 dayLocal=20250106 drivenAfterWindowH=0 drivenH=11.5 limitH=11 windowH=14",
                "continuous-driving 01-07 19:00:00..01-08 03:50:00 breakMin=30 continuousH=8.5 limitH=8",
                "daily-driving 01-07 19:00:00..01-08 07:35:00 dayLocal=20250107 drivenAfterWindowH=0 drivenH=11.5 limitH=11 windowH=14",
                "daily-driving 01-08 19:00:00..01-09 10:15:00 dayLocal=20250108 drivenAfterWindowH=1.25 drivenH=11.5 limitH=11 windowH=14",
                "continuous-driving 01-09 21:00:00..01-10 05:50:00 breakMin=30 continuousH=8.5 limitH=8",
                "daily-driving 01-09 21:00:00..01-10 09:35:00 dayLocal=20250109 drivenAfterWindowH=0 drivenH=11.5 limitH=11 windowH=14",
                "weekly-driving 01-10 08:56:00..01-11 00:00:00 days=7 drivenOverH=4.65 limitH=60 onDutyH=64.65",
            ],
            Replay.Describe(Week().Records, JurisdictionProfiles.Us));
    }
}
