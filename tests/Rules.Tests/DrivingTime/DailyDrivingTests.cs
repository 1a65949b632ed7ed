using Telematics.Rules.Profiles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

public sealed class DailyDrivingTests
{
    private static readonly JurisdictionProfile Vn = JurisdictionProfiles.Vietnam;
    private static readonly JurisdictionProfile Eu = JurisdictionProfiles.Eu;
    private static readonly JurisdictionProfile Us = JurisdictionProfiles.Us;

    /// <summary>13:00–05:00 with 20-minute breaks: 10 h 20 before local midnight, 4 h 40 after it.</summary>
    internal static Track AcrossMidnight() =>
        At("2025-01-06T13:00:00+07:00").Drive(H(3.75)).Stop(M(20)).Drive(H(3.75)).Stop(M(20)).Drive(H(3.75)).Stop(M(20)).Drive(H(3.75)).Stop(M(30));

    [Fact]
    public void Vn_a_drive_across_midnight_splits_at_00_00_local_and_only_the_first_day_is_over()
    {
        Assert.Equal(
            ["daily-driving 01-06 13:00:00..01-07 00:00:00 dayLocal=20250106 drivenH=10.3333 limitH=10"],
            Replay.Describe(AcrossMidnight().Records, Vn));
    }

    [Fact]
    public void Vn_the_same_drive_starting_an_hour_later_is_lawful_on_both_days()
    {
        var track = At("2025-01-06T14:00:00+07:00").Drive(H(3.75)).Stop(M(20)).Drive(H(3.75)).Stop(M(20)).Drive(H(3.75)).Stop(M(20)).Drive(H(3.75)).Stop(M(30));

        Assert.Empty(Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void Vn_ten_hours_in_a_day_is_lawful_and_ten_hours_one_minute_is_not()
    {
        static Track Day(double lastLegMinutes) =>
            At("2025-01-06T06:00:00+07:00").Drive(H(3.5)).Stop(M(30)).Drive(H(3.5)).Stop(M(30)).Drive(M(lastLegMinutes)).Stop(M(30));

        Assert.Empty(Replay.Describe(Day(180).Records, Vn));
        Assert.Equal(
            ["daily-driving 01-06 06:00:00..01-06 17:01:00 dayLocal=20250106 drivenH=10.0167 limitH=10"],
            Replay.Describe(Day(181).Records, Vn));
    }

    [Fact]
    public void Eu_a_day_runs_from_rest_to_rest_so_the_drive_across_midnight_is_one_day_of_15_hours()
    {
        Assert.Equal(
            [
                "continuous-driving 01-06 07:00:00..01-06 23:00:00 breakMin=45 continuousH=15 limitH=4.5",
                "daily-driving 01-06 07:00:00..01-06 23:00:00 dayLocal=20250106 drivenH=15 extendedDays=1 extendedLimitH=10 limitH=10",
            ],
            Replay.Describe(AcrossMidnight().Records, Eu));
    }

    [Fact]
    public void Eu_allows_two_days_of_up_to_10_hours_per_fixed_week_and_not_a_third()
    {
        var track = At("2025-01-06T06:00:00+01:00");
        for (var day = 0; day < 3; day++)
        {
            track.Drive(H(4.5)).Stop(M(45)).Drive(H(4.5)).Stop(M(45)).Drive(H(0.5)).Park(H(13));
        }

        track.Stop(M(1));

        Assert.Equal(
            ["daily-driving 01-08 06:00:00..01-08 17:00:00 dayLocal=20250108 drivenH=9.5 extendedDays=3 extendedLimitH=10 limitH=9"],
            Replay.Describe(track.Records, Eu));
    }

    [Fact]
    public void Us_driving_after_the_14th_hour_on_duty_is_a_daily_case_with_the_window_measured()
    {
        // On duty at 06:00 with the engine running (waiting at the gate), then 10.5 h of driving until 21:30.
        var track = At("2025-01-06T06:00:00-06:00").Stop(H(4), ignition: true).Drive(H(4)).Stop(M(30)).Drive(H(4)).Stop(M(30)).Drive(H(2.5)).Park(H(10)).Stop(M(1));

        Assert.Equal(
            ["daily-driving 01-06 06:00:00..01-06 21:30:00 dayLocal=20250106 drivenAfterWindowH=1.5 drivenH=10.5 limitH=11 windowH=14"],
            Replay.Describe(track.Records, Us));
    }

    [Fact]
    public void Us_more_than_11_hours_of_driving_after_a_10_hour_rest_is_a_daily_case()
    {
        var track = At("2025-01-06T06:00:00-06:00").Drive(H(4)).Stop(M(30)).Drive(H(4)).Stop(M(30)).Drive(H(3.5)).Park(H(10)).Stop(M(1));

        Assert.Equal(
            ["daily-driving 01-06 06:00:00..01-06 18:30:00 dayLocal=20250106 drivenAfterWindowH=0 drivenH=11.5 limitH=11 windowH=14"],
            Replay.Describe(track.Records, Us));
    }

    [Theory]
    [InlineData(600, new string[0])]
    [InlineData(599, new[] { "daily-driving 01-06 06:00:00..01-07 04:29:00 dayLocal=20250106 drivenAfterWindowH=4 drivenH=12 limitH=11 windowH=14" })]
    public void Us_only_a_10_hour_rest_starts_a_new_day(int restMinutes, string[] expected)
    {
        var track = At("2025-01-06T06:00:00-06:00").Drive(H(4)).Stop(M(30)).Drive(H(4)).Park(M(restMinutes)).Drive(H(4)).Stop(M(30));

        Assert.Equal(expected, Replay.Describe(track.Records, Us));
    }
}
