using Telematics.Rules.Profiles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

public sealed class ContinuousDrivingTests
{
    private static readonly JurisdictionProfile Vn = JurisdictionProfiles.Vietnam;
    private static readonly JurisdictionProfile Eu = JurisdictionProfiles.Eu;
    private static readonly JurisdictionProfile Us = JurisdictionProfiles.Us;

    [Fact]
    public void Vn_a_14_minute_stop_does_not_break_continuous_driving()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3)).Stop(M(14)).Drive(H(1.5)).Stop(M(20));

        Assert.Equal(["continuous-driving 01-06 08:00:00..01-06 12:44:00 breakMin=15 continuousH=4.5 limitH=4"], Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void Vn_a_16_minute_stop_breaks_continuous_driving()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3)).Stop(M(16)).Drive(H(1.5)).Stop(M(20));

        Assert.Empty(Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void Vn_a_stop_of_exactly_the_break_length_breaks_continuous_driving()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3)).Stop(M(15)).Drive(H(1.5)).Stop(M(20));

        Assert.Empty(Replay.Describe(track.Records, Vn));
    }

    [Theory]
    [InlineData(240, new string[0])]
    [InlineData(241, new[] { "continuous-driving 01-06 08:00:00..01-06 12:01:00 breakMin=15 continuousH=4.0167 limitH=4" })]
    public void Vn_four_hours_is_lawful_and_four_hours_one_minute_is_not(int minutes, string[] expected)
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(M(minutes)).Stop(M(20));

        Assert.Equal(expected, Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void Flush_raises_the_period_still_being_driven_at_the_end_of_the_replay()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(5));

        Assert.Equal(["continuous-driving 01-06 08:00:00..01-06 13:00:00 breakMin=15 continuousH=5 limitH=4"], Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void Flush_raises_nothing_when_the_open_period_is_within_the_limit()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(4));

        Assert.Empty(Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void Eu_a_15_then_30_minute_split_break_resets_continuous_driving()
    {
        var track = At("2025-01-06T06:00:00+01:00").Drive(H(2)).Stop(M(15)).Drive(H(2)).Stop(M(30)).Drive(H(2)).Stop(M(45));

        Assert.Empty(Replay.Describe(track.Records, Eu));
    }

    [Fact]
    public void Eu_a_30_then_15_minute_split_is_in_the_wrong_order_and_does_not_reset()
    {
        var track = At("2025-01-06T06:00:00+01:00").Drive(H(2)).Stop(M(30)).Drive(H(2)).Stop(M(15)).Drive(H(2)).Stop(M(45));

        Assert.Equal(["continuous-driving 01-06 06:00:00..01-06 12:45:00 breakMin=45 continuousH=6 limitH=4.5"], Replay.Describe(track.Records, Eu));
    }

    [Theory]
    [InlineData(45, new string[0])]
    [InlineData(44, new[] { "continuous-driving 01-06 06:00:00..01-06 11:44:00 breakMin=45 continuousH=5 limitH=4.5" })]
    public void Eu_a_single_break_must_last_45_minutes(int breakMinutes, string[] expected)
    {
        var track = At("2025-01-06T06:00:00+01:00").Drive(H(4)).Stop(M(breakMinutes)).Drive(H(1));

        Assert.Equal(expected, Replay.Describe(track.Records, Eu));
    }

    [Theory]
    [InlineData(29, new[] { "continuous-driving 01-06 06:00:00..01-06 14:59:00 breakMin=30 continuousH=8.5 limitH=8" })]
    [InlineData(30, new string[0])]
    public void Us_needs_a_30_minute_break_after_8_hours_of_driving(int breakMinutes, string[] expected)
    {
        var track = At("2025-01-06T06:00:00-06:00").Drive(H(5)).Stop(M(breakMinutes)).Drive(H(3.5)).Stop(M(30));

        Assert.Equal(expected, Replay.Describe(track.Records, Us));
    }
}
