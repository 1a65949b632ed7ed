using System.Runtime.CompilerServices;
using System.Text.Json;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

public sealed class RedeliveryAndRestartTests
{
    public static TheoryData<string> Profiles => new(JurisdictionProfiles.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_record_delivered_twice_gives_the_same_cases(string profileName)
    {
        var profile = JurisdictionProfiles.Find(profileName)!;
        var records = JurisdictionWeekTests.Week().Records;

        var once = Replay.Describe(records, profile);
        var twice = Replay.Describe(records.SelectMany(r => new[] { r, r with { Satellites = 4 } }), profile);

        Assert.NotEmpty(once);
        Assert.Equal(once, twice);
    }

    [Fact]
    public void A_record_older_than_the_last_one_changes_nothing()
    {
        var records = DailyDrivingTests.AcrossMidnight().Records.ToList();
        var withStale = new List<PositionRecord>(records);
        withStale.Insert(400, records[10] with { SpeedKmh = 0 });

        Assert.Equal(Replay.Describe(records, JurisdictionProfiles.Vietnam), Replay.Describe(withStale, JurisdictionProfiles.Vietnam));
    }

    [Fact]
    public void Step_returns_the_same_state_when_time_does_not_advance()
    {
        var records = At("2025-01-06T08:00:00+07:00").Drive(M(5)).Records;
        var state = default(DrivingTimeState);
        var raised = new List<Cases.RaisedCase>();
        foreach (var r in records)
        {
            state = DrivingTimeRule.Step(state, r, Replay.Truck, JurisdictionProfiles.Vietnam, raised);
        }

        Assert.Equal(state, DrivingTimeRule.Step(state, records[^1], Replay.Truck, JurisdictionProfiles.Vietnam, raised));
    }

    [Theory]
    [InlineData("vn-2024", 97)]
    [InlineData("vn-2024", 997)]
    [InlineData("eu-561", 97)]
    [InlineData("eu-561", 997)]
    [InlineData("us-fmcsa", 97)]
    [InlineData("us-fmcsa", 997)]
    public void State_serialised_to_json_and_restored_mid_episode_gives_the_same_cases(string profileName, int restartEvery)
    {
        var profile = JurisdictionProfiles.Find(profileName)!;
        var records = JurisdictionWeekTests.Week().Records;

        Assert.True(records.Count > 5 * restartEvery);
        Assert.Equal(Replay.Describe(records, profile), Replay.Describe(records, profile, restartEvery));
    }

    [Fact]
    public void The_state_is_a_value_of_at_most_1_KB()
    {
        Assert.InRange(Unsafe.SizeOf<DrivingTimeState>(), 1, 1024);
    }

    [Fact]
    public void The_state_round_trips_through_json_field_for_field()
    {
        var records = JurisdictionWeekTests.Week().Records;
        var state = default(DrivingTimeState);
        var raised = new List<Cases.RaisedCase>();
        foreach (var r in records.Take(3000))
        {
            state = DrivingTimeRule.Step(state, r, Replay.Truck, JurisdictionProfiles.Us, raised);
        }

        var restored = JsonSerializer.Deserialize<DrivingTimeState>(JsonSerializer.Serialize(state));

        Assert.Equal(state with { OnDutyPreviousDays = null }, restored with { OnDutyPreviousDays = null });
        Assert.Equal(state.OnDutyPreviousDays, restored.OnDutyPreviousDays);
    }
}
