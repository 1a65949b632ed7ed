using System.Net;
using System.Text.RegularExpressions;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Cases;

public sealed partial class CaseListTests : IClassFixture<CaseListTests.Fixture>
{
    private const string DongDang = "HTX Vận tải Đồng Đăng";
    private readonly Fixture _fixture;

    public CaseListTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Filters_by_kind_and_operator_list_the_matching_cases_newest_first()
    {
        var html = await _fixture.GetAsync("/cases?kind=speeding&operator=" + Uri.EscapeDataString(SampleCases.Operator));

        Assert.Equal(["12C-222.22", "12C-111.11", "12C-345.67"], Plates(html));
        Assert.Contains("Trang 1/1 · 3 vụ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_hold_the_requested_number_of_rows_and_link_to_each_other_with_the_filters_kept()
    {
        var first = await _fixture.GetAsync("/cases?size=2");
        var second = await _fixture.GetAsync("/cases?size=2&page=2");
        var third = await _fixture.GetAsync("/cases?size=2&page=3");

        Assert.Equal(["12C-222.22", "12C-111.11"], Plates(first));
        Assert.Equal(["12C-345.67", "20H-000.01"], Plates(second));
        Assert.Equal(["20H-000.02"], Plates(third));
        Assert.Contains("Trang 2/3 · 5 vụ", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/cases?page=3&amp;size=2\"", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/cases?size=2\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_filter_counts_whole_local_days_in_Vietnam_time()
    {
        // 16:30 UTC on the 28th is 23:30 in Hà Nội (kept); 17:30 UTC is 00:30 on the 29th (left out).
        var html = await _fixture.GetAsync("/cases?from=2026-11-28&to=2026-11-28");

        Assert.Equal(["12C-111.11", "12C-345.67"], Plates(html));
    }

    [Fact]
    public async Task The_status_tiles_count_the_cases_of_the_other_filters_in_each_status()
    {
        var all = Counts(await _fixture.GetAsync("/cases?status=open"));
        var dongDang = Counts(await _fixture.GetAsync("/cases?operator=" + Uri.EscapeDataString(DongDang)));

        Assert.Equal(new Dictionary<string, int> { ["open"] = 4, ["in-review"] = 0, ["confirmed"] = 1, ["dismissed"] = 0, ["closed"] = 0 }, all);
        Assert.Equal(new Dictionary<string, int> { ["open"] = 1, ["in-review"] = 0, ["confirmed"] = 1, ["dismissed"] = 0, ["closed"] = 0 }, dongDang);
    }

    [Fact]
    public async Task A_plate_is_found_without_its_punctuation()
    {
        Assert.Equal(["12C-222.22"], Plates(await _fixture.GetAsync("/cases?q=12c22222")));
    }

    [Fact]
    public async Task Rows_show_time_kind_measure_fine_and_status_in_Vietnamese()
    {
        var html = await _fixture.GetAsync("/cases?q=12C34567");

        Assert.Contains("28/11/2026 17:15:00", html, StringComparison.Ordinal);
        Assert.Contains("Quá tốc độ", html, StringComparison.Ordinal);
        Assert.Contains("92 / 70 km/h", html, StringComparison.Ordinal);
        Assert.Contains("6.000.000 ₫ – 8.000.000 ₫", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge open\">Mới</span>", html, StringComparison.Ordinal);
        Assert.Contains("dừng 25 min 00 s", await _fixture.GetAsync("/cases?kind=corridor-stop"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-01", "Ngày không hợp lệ: &quot;2026-13-01&quot;")]
    [InlineData("to=28/11/2026", "Ngày không hợp lệ: &quot;28/11/2026&quot;")]
    [InlineData("from=2026-11-29&to=2026-11-28", "phải trước hoặc bằng")]
    [InlineData("kind=parking", "Loại vi phạm không tồn tại: &quot;parking&quot;")]
    [InlineData("size=100000", "Số dòng mỗi trang phải từ 1 đến 200")]
    [InlineData("page=0", "Số trang không hợp lệ")]
    public async Task A_bad_filter_is_refused_with_400_and_the_reason_next_to_the_form(string query, string reason)
    {
        var response = await _fixture.Client.GetAsync("/cases?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"filters case-filters\"", html, StringComparison.Ordinal);
        Assert.Empty(Plates(html));
    }

    [Fact]
    public async Task English_is_a_switch_away()
    {
        var client = await _fixture.Factory.SignedInAsync(Roles.Monitor);
        await client.GetAsync("/lang/en");

        var html = await client.GetStringAsync("/cases?q=12C34567");

        Assert.Contains("Speeding", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge open\">Open</span>", html, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1 · 1 cases", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_list_redirects_to_the_sign_in_page()
    {
        var response = await _fixture.Factory.Anonymous().GetAsync("/cases");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static string[] Plates(string html) => PlateCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    private static Dictionary<string, int> Counts(string html) =>
        CountTile().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("<td class=\"plate\"><a href=\"[^\"]+\">([^<]+)</a></td>")]
    private static partial Regex PlateCell();

    [GeneratedRegex("data-status=\"([a-z-]+)\">\\s*<span class=\"label\">[^<]*</span><span class=\"value\">(\\d+)</span>")]
    private static partial Regex CountTile();

    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardFactory Factory { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public async Task<string> GetAsync(string url)
        {
            var response = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        public async Task InitializeAsync()
        {
            var store = Factory.Cases;
            var now = SampleCases.Start.AddDays(3);
            await store.AddAsync(SampleCases.Speeding(), now);
            await store.AddAsync(SampleCases.Speeding(new DateTime(2026, 11, 28, 16, 30, 0, DateTimeKind.Utc), "356307040000002", "12C-111.11"), now);
            await store.AddAsync(SampleCases.Speeding(new DateTime(2026, 11, 28, 17, 30, 0, DateTimeKind.Utc), "356307040000003", "12C-222.22"), now);
            await store.AddAsync(SampleCases.CorridorStop(new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc), "356307040000004", "20H-000.01", DongDang, "QL4A Lạng Sơn – Tân Thanh"), now);
            var confirmed = SampleCases.Speeding(new DateTime(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc), "356307040000005", "20H-000.02", DongDang);
            await store.AddAsync(confirmed, now);
            await store.SetStatusAsync(confirmed.CaseId, CaseStatus.Confirmed, "lan", null, now);
            Client = await Factory.SignedInAsync(Roles.Monitor);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
