using Telematics.Rules.Profiles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

/// <summary>The gap rules of docs/driving-time.md: intervals longer than MaxSampleInterval (2 min).</summary>
public sealed class DataGapTests
{
    private static readonly JurisdictionProfile Vn = JurisdictionProfiles.Vietnam;

    [Theory]
    [InlineData(16, new string[0])]
    [InlineData(14, new[] { "continuous-driving 01-06 08:00:00..01-06 12:44:00 breakMin=15 continuousH=4.5 limitH=4" })]
    public void A_silent_gap_at_the_same_place_is_a_stop_for_its_whole_length(int gapMinutes, string[] expected)
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3)).Park(M(gapMinutes)).Drive(H(1.5)).Stop(M(20));

        Assert.Equal(expected, Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void A_gap_of_up_to_30_minutes_moving_at_both_ends_counts_as_driving()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3.5)).Gap(M(25), km: 25).Drive(M(10)).Stop(M(20));

        Assert.Equal(["continuous-driving 01-06 08:00:00..01-06 12:05:00 breakMin=15 continuousH=4.0833 limitH=4"], Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void A_longer_moving_gap_counts_only_the_driving_its_distance_proves_at_80_kmh()
    {
        // 31 min and 25 km: 18 min 45 s of driving at the end of the gap, a 12 min 15 s stop before it (no break).
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3.5)).Gap(M(31), km: 25).Drive(M(10)).Stop(M(20));

        Assert.Empty(Replay.Describe(track.Records, Vn));
    }

    [Theory]
    [InlineData(80, new[] { "continuous-driving 01-06 08:00:00..01-06 12:45:00 breakMin=15 continuousH=4.75 limitH=4" })]
    [InlineData(40, new string[0])]
    public void A_long_gap_is_driving_up_to_its_distance_and_rest_for_the_remainder(double km, string[] expected)
    {
        // One hour without data: 80 km is an hour of driving; 40 km is 30 min of driving after a 30 min break.
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(3.5)).Gap(H(1), km).Drive(M(15)).Stop(M(20));

        Assert.Equal(expected, Replay.Describe(track.Records, Vn));
    }

    [Fact]
    public void A_gap_that_starts_and_ends_stopped_elsewhere_credits_the_distance_as_driving()
    {
        // The device was off for 3 h while the truck moved 240 km: 3 h of driving at 80 km/h ending at the
        // first record after the gap (12:36), on top of 1.5 h before.
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(1.5)).Stop(M(5)).Gap(H(3), km: 240).Stop(M(20));

        Assert.Equal(["continuous-driving 01-06 08:00:00..01-06 12:36:00 breakMin=15 continuousH=4.5 limitH=4"], Replay.Describe(track.Records, Vn));
    }
}
