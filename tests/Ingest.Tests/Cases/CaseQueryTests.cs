using Microsoft.Data.Sqlite;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Tests.Cases;

public sealed class CaseQueryTests : IDisposable
{
    private static readonly DateTime Day = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "telematics-cases-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task Filters_combine_and_pages_run_newest_first_with_the_total()
    {
        var store = new SqliteCaseStore(_path);
        for (var i = 0; i < 7; i++)
        {
            await store.AddAsync(Case(CaseKinds.Speeding, "dev-a", "Op A", "QL1", Day.AddHours(i)), Day);
        }

        await store.AddAsync(Case(CaseKinds.Speeding, "dev-b", "Op B", "QL4B", Day.AddHours(1)), Day);
        await store.AddAsync(Case(CaseKinds.RouteDeviation, "dev-a", "Op A", "QL1", Day.AddHours(2)), Day);

        var first = await store.QueryAsync(new CaseQuery { Kind = CaseKinds.Speeding, Operator = "Op A", PageSize = 3 });
        var last = await store.QueryAsync(new CaseQuery { Kind = CaseKinds.Speeding, Operator = "Op A", PageSize = 3, Page = 3 });

        Assert.Equal(7, first.Total);
        Assert.Equal(3, first.Pages);
        Assert.Equal([Day.AddHours(6), Day.AddHours(5), Day.AddHours(4)], first.Items.Select(c => c.Case.Start));
        Assert.Equal([Day], last.Items.Select(c => c.Case.Start));
        Assert.Equal(1, (await store.QueryAsync(new CaseQuery { Corridor = "QL4B" })).Total);
        Assert.Equal(1, (await store.QueryAsync(new CaseQuery { Kind = CaseKinds.RouteDeviation, DeviceId = "dev-a" })).Total);
    }

    [Fact]
    public async Task The_time_filter_keeps_episodes_that_started_in_the_half_open_range()
    {
        var store = new SqliteCaseStore(_path);
        foreach (var hour in new[] { 0, 1, 2, 3 })
        {
            await store.AddAsync(Case(CaseKinds.Speeding, "dev-a", "Op A", "QL1", Day.AddHours(hour)), Day);
        }

        var page = await store.QueryAsync(new CaseQuery { FromUtc = Day.AddHours(1), ToUtc = Day.AddHours(3) });

        Assert.Equal([Day.AddHours(2), Day.AddHours(1)], page.Items.Select(c => c.Case.Start));
    }

    [Fact]
    public async Task A_page_size_beyond_the_cap_is_clamped()
    {
        var page = await new SqliteCaseStore(_path).QueryAsync(new CaseQuery { PageSize = 100_000, Page = -3 });

        Assert.Equal(CaseQuery.MaxPageSize, page.PageSize);
        Assert.Equal(1, page.Page);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task A_version_1_store_is_migrated_with_its_cases_kept()
    {
        using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = CaseStoreMigrations.Scripts[0] + "; PRAGMA user_version = 1;";
            create.ExecuteNonQuery();
        }

        var store = new SqliteCaseStore(_path);
        await store.AddAsync(Case(CaseKinds.Speeding, "dev-a", "Op A", "QL1", Day), Day);

        var stored = Assert.Single((await store.QueryAsync(new CaseQuery())).Items);
        Assert.Null(stored.Assignee);
        var (operators, corridors) = await store.FilterValuesAsync();
        Assert.Equal(["Op A"], operators);
        Assert.Equal(["QL1"], corridors);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static RaisedCase Case(string kind, string device, string op, string corridor, DateTime start) => new()
    {
        Kind = kind,
        DeviceId = device,
        Operator = op,
        Corridor = corridor,
        Start = start,
        End = start.AddMinutes(2),
        LegalReference = "Decree 168/2024",
    };
}
