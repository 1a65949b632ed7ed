using Telematics.Rules.Profiles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

public sealed class WeeklyDrivingTests
{
    [Theory]
    [InlineData(120, new string[0])]
    [InlineData(121, new[] { "weekly-driving 01-06 08:00:00..01-11 17:01:00 drivenH=48.0167 limitH=48 weekLocal=20250106" })]
    public void Vn_48_hours_in_a_fixed_week_is_lawful_and_48_hours_one_minute_is_not(int lastLegMinutes, string[] expected)
    {
        // Monday to Saturday, 8 h a day (3 h, 30 min, 3 h, 30 min, 2 h); the week closes at Monday 00:00 local.
        var track = At("2025-01-06T08:00:00+07:00");
        for (var day = 7; day <= 12; day++)
        {
            track.Drive(H(3)).Stop(M(30)).Drive(H(3)).Stop(M(30)).Drive(M(day == 12 ? lastLegMinutes : 120)).ParkUntil($"2025-01-{day + (day == 12 ? 1 : 0):00}T08:00:00+07:00");
        }

        track.Drive(H(1)).Stop(M(20));

        Assert.Equal(expected, Replay.Describe(track.Records, JurisdictionProfiles.Vietnam));
    }

    [Fact]
    public void Eu_two_consecutive_weeks_over_90_hours_is_a_weekly_case_saying_so()
    {
        // Week 1: 5 × 9 h + 5 h = 50 h; week 2: 5 × 9 h = 45 h. Neither week is over 56 h; together 95 h.
        var track = At("2025-01-06T06:00:00+01:00");
        foreach (var day in new[] { "07", "08", "09", "10", "11" })
        {
            track.Drive(H(4.5)).Stop(M(45)).Drive(H(4.5)).ParkUntil($"2025-01-{day}T06:00:00+01:00");
        }

        track.Drive(H(4.5)).Stop(M(45)).Drive(H(0.5)).ParkUntil("2025-01-13T06:00:00+01:00");
        foreach (var day in new[] { "14", "15", "16", "17", "18" })
        {
            track.Drive(H(4.5)).Stop(M(45)).Drive(H(4.5)).ParkUntil($"2025-01-{day}T06:00:00+01:00");
        }

        track.Stop(M(1));

        Assert.Equal(
            ["weekly-driving 01-13 06:00:00..01-17 15:45:00 drivenH=45 limitH=56 overTwoWeekLimit=1 overWeekLimit=0 twoWeekLimitH=90 twoWeeksH=95 weekLocal=20250113"],
            Replay.Describe(track.Records, JurisdictionProfiles.Eu));
    }

    private static Track UsFiveDaysThenWeekend(string secondStretchStart)
    {
        // Monday to Friday 06:00–17:30 (5 h 30, 30 min, 5 h 30): 55 h driving, plus each break's first minute on duty.
        var track = At("2025-01-06T06:00:00-06:00");
        foreach (var day in new[] { "07", "08", "09", "10" })
        {
            track.Drive(H(5.5)).Stop(M(30)).Drive(H(5.5)).ParkUntil($"2025-01-{day}T06:00:00-06:00");
        }

        track.Drive(H(5.5)).Stop(M(30)).Drive(H(5.5)).ParkUntil(secondStretchStart);
        return track.Drive(H(5.5)).Stop(M(30)).Drive(H(5.5)).Stop(M(1));
    }

    [Fact]
    public void Us_a_34_hour_restart_zeroes_the_60_hour_count()
    {
        // Off from Friday 17:30 to Sunday 06:00: 36 h 30.
        Assert.Empty(Replay.Describe(UsFiveDaysThenWeekend("2025-01-12T06:00:00-06:00").Records, JurisdictionProfiles.Us));
    }

    [Fact]
    public void Us_without_the_restart_sunday_goes_over_60_hours_in_7_days()
    {
        var noRestart = JurisdictionProfiles.Us with { DrivingTime = JurisdictionProfiles.Us.DrivingTime with { Restart = null } };

        // 55 h 05 on duty by Friday; Sunday crosses 60 h after 4 h 55 (10:55).
        Assert.Equal(
            ["weekly-driving 01-12 10:55:00..01-12 17:30:00 days=7 drivenOverH=6.0833 limitH=60 onDutyH=66.1"],
            Replay.Describe(UsFiveDaysThenWeekend("2025-01-12T06:00:00-06:00").Records, noRestart));
    }

    [Fact]
    public void Us_the_70_hour_8_day_option_allows_the_same_week()
    {
        var seventy = JurisdictionProfiles.Us with
        {
            DrivingTime = JurisdictionProfiles.Us.DrivingTime with { WeeklyLimit = H(70), RollingDays = 8, Restart = null },
        };

        Assert.Empty(Replay.Describe(UsFiveDaysThenWeekend("2025-01-12T06:00:00-06:00").Records, seventy));
    }
}
