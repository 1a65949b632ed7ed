using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telematics.Dashboard.Api;

namespace Telematics.Dashboard.Tests.Api;

public sealed class CasesApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _police = fixture.ClientWith("Công an tỉnh Lạng Sơn", ApiScopes.CasesRead);

    [Fact]
    public async Task The_first_page_has_the_exact_total_and_a_next_link_but_no_prev()
    {
        var page = await GetJsonAsync("/api/v1/cases?pageSize=5");

        Assert.Equal(17, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.Equal("/api/v1/cases?page=2&pageSize=5", page.GetProperty("links").GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("links").GetProperty("prev").ValueKind);
    }

    [Fact]
    public async Task Page_two_holds_the_next_five_cases_newest_first()
    {
        var page = await GetJsonAsync("/api/v1/cases?page=2&pageSize=5");

        var ids = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.Equal(new[] { 6, 5, 4, 3, 2 }.Select(i => ApiFixture.Speeding(i).CaseId).ToArray(), ids);
        Assert.Equal("/api/v1/cases?page=1&pageSize=5", page.GetProperty("links").GetProperty("prev").GetString());
        Assert.Equal("/api/v1/cases?page=3&pageSize=5", page.GetProperty("links").GetProperty("next").GetString());
    }

    [Fact]
    public async Task The_last_page_has_the_remaining_cases_and_no_next_link()
    {
        var page = await GetJsonAsync("/api/v1/cases?page=4&pageSize=5");

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("links").GetProperty("next").ValueKind);
        Assert.Equal(ApiFixture.Deviation(0).CaseId, page.GetProperty("items")[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Filters_combine_and_the_links_keep_them()
    {
        var page = await GetJsonAsync("/api/v1/cases?kind=speeding&operator=" + Uri.EscapeDataString(ApiFixture.Trucks) + "&from=2026-11-28T01:30:00Z&to=2026-11-28T02:30:00Z&pageSize=2");

        // Speeding #3 to #8 started in [01:30, 02:30).
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(ApiFixture.Speeding(8).CaseId, page.GetProperty("items")[0].GetProperty("id").GetString());
        var next = page.GetProperty("links").GetProperty("next").GetString()!;
        Assert.Contains("kind=speeding", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var second = await GetJsonAsync(next);
        Assert.Equal(ApiFixture.Speeding(6).CaseId, second.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_status_filter_finds_the_case_in_review()
    {
        var page = await GetJsonAsync("/api/v1/cases?status=in-review");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(ApiFixture.Speeding(3).CaseId, page.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal("in-review", page.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_date_means_that_day_in_Vietnam()
    {
        // 2026-11-27 in Asia/Ho_Chi_Minh is [2026-11-26T17:00Z, 2026-11-27T17:00Z): the five route deviations (08:00Z-12:00Z).
        var page = await GetJsonAsync("/api/v1/cases?from=2026-11-27&to=2026-11-28");

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), c => Assert.Equal("route-deviation", c.GetProperty("kind").GetString()));
    }

    [Theory]
    [InlineData("page=0", "page", "page must be 1 or more")]
    [InlineData("page=abc", "page", "page must be a whole number, not 'abc'")]
    [InlineData("pageSize=501", "pageSize", "pageSize must be between 1 and 500")]
    [InlineData("from=28/11/2026", "from", "from must be an ISO-8601 time with Z or an offset (2026-11-28T10:15:00Z) or a date (2026-11-28), not '28/11/2026'")]
    [InlineData("to=2026-11-28T10:00:00", "to", "to must be an ISO-8601 time with Z or an offset (2026-11-28T10:15:00Z) or a date (2026-11-28), not '2026-11-28T10:00:00'")]
    [InlineData("from=2026-11-28&to=2026-11-27", "to", "to must be later than from")]
    [InlineData("kind=parking", "kind", "kind must be one of speeding, route-deviation, continuous-driving, daily-driving, weekly-driving, corridor-stop, not 'parking'")]
    public async Task Bad_parameters_get_400_naming_the_parameter(string query, string parameter, string message)
    {
        var response = await _police.GetAsync("/api/v1/cases?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
        Assert.Contains(parameter, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offset_time_is_read_in_its_zone_even_with_an_unescaped_plus()
    {
        // 09:30+07:00 is 02:30Z: speeding #9, #10 and #11 started at or after it.
        var page = await GetJsonAsync("/api/v1/cases?from=2026-11-28T09:30:00+07:00");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_case_has_its_measured_values_fine_evidence_and_history()
    {
        var id = ApiFixture.Speeding(3).CaseId;

        var c = await GetJsonAsync("/api/v1/cases/" + Uri.EscapeDataString(id));

        Assert.Equal(id, c.GetProperty("id").GetString());
        Assert.Equal("speeding", c.GetProperty("kind").GetString());
        Assert.Equal("in-review", c.GetProperty("status").GetString());
        Assert.Equal("12C-103.45", c.GetProperty("plate").GetString());
        Assert.Equal("2026-11-28T01:30:00Z", c.GetProperty("start").GetString());
        Assert.Equal("2026-11-28T01:31:35Z", c.GetProperty("end").GetString());
        Assert.Equal(78, c.GetProperty("measured").GetProperty("maxSpeedKmh").GetDouble());
        Assert.Equal("10-20", c.GetProperty("band").GetString());
        Assert.Equal(4_000_000, c.GetProperty("fine").GetProperty("minVnd").GetInt64());
        Assert.Equal(6_000_000, c.GetProperty("fine").GetProperty("maxVnd").GetInt64());
        Assert.Equal(3, c.GetProperty("evidence").GetArrayLength());
        Assert.Equal(78, c.GetProperty("evidence")[1].GetProperty("speedKmh").GetDouble());
        var history = c.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("actor").GetString(), h.GetProperty("action").GetString(), h.GetProperty("at").GetString())).ToArray();
        Assert.Equal([("system", "raised", "2026-11-28T04:00:00Z"), ("officer-an", "in-review", "2026-11-28T04:05:00Z")], history);
    }

    [Fact]
    public async Task List_items_carry_no_evidence_or_history_but_link_to_them()
    {
        var item = (await GetJsonAsync("/api/v1/cases?pageSize=1")).GetProperty("items")[0];

        Assert.False(item.TryGetProperty("evidence", out _));
        Assert.False(item.TryGetProperty("history", out _));
        Assert.Equal("/api/v1/cases/" + Uri.EscapeDataString(ApiFixture.Speeding(11).CaseId) + "/evidence", item.GetProperty("links").GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task An_unknown_case_gets_404()
    {
        var response = await _police.GetAsync("/api/v1/cases/speeding%3A1%3A20260101T000000Z");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no case speeding:1:20260101T000000Z", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_evidence_is_GeoJSON_with_the_track_and_one_point_per_report()
    {
        var response = await _police.GetAsync("/api/v1/cases/" + Uri.EscapeDataString(ApiFixture.Speeding(0).CaseId) + "/evidence");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var geo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var features = geo.GetProperty("features");
        Assert.Equal(4, features.GetArrayLength());
        Assert.Equal("LineString", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(106.7610, features[0].GetProperty("geometry").GetProperty("coordinates")[0][0].GetDouble());
        Assert.Equal(21.8530, features[0].GetProperty("geometry").GetProperty("coordinates")[0][1].GetDouble());
        Assert.Equal(78, features[2].GetProperty("properties").GetProperty("speedKmh").GetDouble());
        Assert.Equal(60, features[2].GetProperty("properties").GetProperty("limitKmh").GetDouble());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _police.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
