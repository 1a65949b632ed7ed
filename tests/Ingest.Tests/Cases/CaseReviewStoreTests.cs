using Microsoft.Data.Sqlite;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Tests.Cases;

public sealed class CaseReviewStoreTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "telematics-review-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly SqliteCaseStore _store;
    private readonly string _id;

    public CaseReviewStoreTests()
    {
        _store = new SqliteCaseStore(_path);
        var raised = new RaisedCase
        {
            Kind = CaseKinds.Speeding,
            DeviceId = "356307040000001",
            Plate = "12C-345.67",
            Operator = "Op A",
            Start = Day,
            End = Day.AddMinutes(2),
            LegalReference = "Decree 168/2024",
        };
        _id = raised.CaseId;
        _store.AddAsync(raised, Day).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Assigning_an_open_case_puts_it_in_review_and_records_the_assignee()
    {
        var change = await _store.AssignAsync(_id, "lan", "admin", Day.AddHours(1));

        var stored = (await _store.GetAsync(_id))!;
        Assert.Equal(new CaseChange(CaseChangeOutcome.Applied, CaseStatus.InReview), change);
        Assert.Equal(CaseStatus.InReview, stored.Status);
        Assert.Equal("lan", stored.Assignee);
        Assert.Equal(new CaseHistoryEntry(Day.AddHours(1), "admin", "assigned", "lan"), stored.History[^1]);
    }

    [Fact]
    public async Task The_review_runs_open_to_in_review_to_confirmed_to_closed_with_every_step_in_the_history()
    {
        await _store.AssignAsync(_id, "lan", "lan", Day.AddHours(1));
        await _store.CommentAsync(_id, "lan", "  Camera confirms the plate. ", Day.AddHours(2));
        var confirm = await _store.SetStatusAsync(_id, CaseStatus.Confirmed, "lan", null, Day.AddHours(3));
        var close = await _store.SetStatusAsync(_id, CaseStatus.Closed, "minh", "Fine paid", Day.AddHours(4));

        var stored = (await _store.GetAsync(_id))!;
        Assert.True(confirm.Applied);
        Assert.Equal(new CaseChange(CaseChangeOutcome.Applied, CaseStatus.Closed), close);
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal(
            [
                ("system", "raised", (string?)null),
                ("lan", "assigned", "lan"),
                ("lan", "comment", "Camera confirms the plate."),
                ("lan", "confirmed", null),
                ("minh", "closed", "Fine paid"),
            ],
            stored.History.Select(h => (h.Actor, h.Action, h.Note)));
    }

    [Fact]
    public async Task An_officer_may_confirm_or_dismiss_an_open_case_directly()
    {
        var dismiss = await _store.SetStatusAsync(_id, CaseStatus.Dismissed, "lan", "Ambulance escort", Day.AddHours(1));

        Assert.Equal(new CaseChange(CaseChangeOutcome.Applied, CaseStatus.Dismissed), dismiss);
    }

    [Fact]
    public async Task A_dismissal_without_a_reason_is_refused_and_changes_nothing()
    {
        var change = await _store.SetStatusAsync(_id, CaseStatus.Dismissed, "lan", "   ", Day.AddHours(1));

        var stored = (await _store.GetAsync(_id))!;
        Assert.Equal(new CaseChange(CaseChangeOutcome.NoteRequired, CaseStatus.Open), change);
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Single(stored.History);
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.InReview)]
    public async Task A_closed_case_cannot_move_again(string target)
    {
        await _store.SetStatusAsync(_id, CaseStatus.Confirmed, "lan", null, Day.AddHours(1));
        await _store.SetStatusAsync(_id, CaseStatus.Closed, "lan", null, Day.AddHours(2));

        var change = await _store.SetStatusAsync(_id, target, "lan", "again", Day.AddHours(3));

        Assert.Equal(new CaseChange(CaseChangeOutcome.NotAllowed, CaseStatus.Closed), change);
        Assert.Equal(3, (await _store.GetAsync(_id))!.History.Count);
    }

    [Fact]
    public async Task Closing_needs_a_decision_first_and_a_decided_case_cannot_be_reassigned()
    {
        var closeOpen = await _store.SetStatusAsync(_id, CaseStatus.Closed, "lan", null, Day.AddHours(1));
        await _store.SetStatusAsync(_id, CaseStatus.Confirmed, "lan", null, Day.AddHours(2));
        var reassign = await _store.AssignAsync(_id, "minh", "admin", Day.AddHours(3));
        var dismissConfirmed = await _store.SetStatusAsync(_id, CaseStatus.Dismissed, "lan", "changed my mind", Day.AddHours(4));

        Assert.Equal(new CaseChange(CaseChangeOutcome.NotAllowed, CaseStatus.Open), closeOpen);
        Assert.Equal(new CaseChange(CaseChangeOutcome.NotAllowed, CaseStatus.Confirmed), reassign);
        Assert.Equal(new CaseChange(CaseChangeOutcome.NotAllowed, CaseStatus.Confirmed), dismissConfirmed);
        Assert.Null((await _store.GetAsync(_id))!.Assignee);
    }

    [Fact]
    public async Task Two_officers_deciding_at_once_cannot_both_win()
    {
        var results = await Task.WhenAll(
            Task.Run(() => _store.SetStatusAsync(_id, CaseStatus.Confirmed, "lan", null, Day.AddHours(1))),
            Task.Run(() => _store.SetStatusAsync(_id, CaseStatus.Dismissed, "minh", "duplicate", Day.AddHours(1))));

        Assert.Single(results, r => r.Applied);
        Assert.Single(results, r => r.Outcome == CaseChangeOutcome.NotAllowed);
        Assert.Equal(2, (await _store.GetAsync(_id))!.History.Count);
    }

    [Fact]
    public async Task Actions_on_an_unknown_case_say_not_found()
    {
        Assert.Equal(new CaseChange(CaseChangeOutcome.NotFound, null), await _store.SetStatusAsync("speeding:nope", CaseStatus.Confirmed, "lan", null, Day));
        Assert.Equal(new CaseChange(CaseChangeOutcome.NotFound, null), await _store.AssignAsync("speeding:nope", "lan", "lan", Day));
        Assert.Equal(new CaseChange(CaseChangeOutcome.NotFound, null), await _store.CommentAsync("speeding:nope", "lan", "hello", Day));
        Assert.Equal(new CaseChange(CaseChangeOutcome.NotFound, null), await _store.SetStatusAsync("speeding:nope", CaseStatus.Dismissed, "lan", null, Day));
    }

    [Fact]
    public async Task An_empty_comment_is_refused()
    {
        Assert.Equal(new CaseChange(CaseChangeOutcome.NoteRequired, CaseStatus.Open), await _store.CommentAsync(_id, "lan", "", Day));
    }

    [Fact]
    public async Task Search_finds_a_plate_however_it_is_punctuated_and_a_device_by_part_of_its_id()
    {
        Assert.Equal(1, (await _store.QueryAsync(new CaseQuery { Search = "12c 34567" })).Total);
        Assert.Equal(1, (await _store.QueryAsync(new CaseQuery { Search = "0400000" })).Total);
        Assert.Equal(0, (await _store.QueryAsync(new CaseQuery { Search = "29H" })).Total);
        Assert.Equal(0, (await _store.QueryAsync(new CaseQuery { Search = "%" })).Total);
    }

    [Fact]
    public async Task Status_counts_ignore_the_status_filter_and_keep_the_others()
    {
        await _store.AddAsync(new RaisedCase { Kind = CaseKinds.CorridorStop, DeviceId = "d2", Operator = "Op B", Start = Day.AddHours(1), End = Day.AddHours(2), LegalReference = "x" }, Day);
        await _store.SetStatusAsync(_id, CaseStatus.Confirmed, "lan", null, Day.AddHours(1));

        var all = await _store.StatusCountsAsync(new CaseQuery { Status = CaseStatus.Open });
        var opA = await _store.StatusCountsAsync(new CaseQuery { Operator = "Op A" });

        Assert.Equal(new Dictionary<string, int> { [CaseStatus.Open] = 1, [CaseStatus.Confirmed] = 1 }, all);
        Assert.Equal(new Dictionary<string, int> { [CaseStatus.Confirmed] = 1 }, opA);
    }

    [Fact]
    public async Task The_export_streams_every_matching_case_newest_first_beyond_one_page()
    {
        for (var i = 1; i <= CaseQuery.MaxPageSize + 5; i++)
        {
            await _store.AddAsync(new RaisedCase { Kind = CaseKinds.CorridorStop, DeviceId = "d2", Operator = "Op B", Start = Day.AddMinutes(i), End = Day.AddMinutes(i + 20), LegalReference = "x" }, Day);
        }

        var exported = new List<StoredCase>();
        await foreach (var c in _store.ExportAsync(new CaseQuery { Operator = "Op B", PageSize = 10 }))
        {
            exported.Add(c);
        }

        Assert.Equal(CaseQuery.MaxPageSize + 5, exported.Count);
        Assert.Equal(Day.AddMinutes(CaseQuery.MaxPageSize + 5), exported[0].Case.Start);
        Assert.Equal(Day.AddMinutes(1), exported[^1].Case.Start);
        Assert.All(exported, c => Assert.Equal(CaseStatus.Open, c.Status));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
