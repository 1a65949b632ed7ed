using System.Net;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Cases;

public sealed class CaseActionTests : IClassFixture<CaseActionTests.Fixture>
{
    private readonly DashboardFactory _factory;

    public CaseActionTests(Fixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task An_officer_confirms_a_case_and_the_history_names_the_officer()
    {
        var c = await NewCaseAsync();
        var officer = await _factory.SignedInAsync(Roles.Officer, "lan");

        var response = await PostAsync(officer, c, "Confirm", new() { ["Note"] = "Camera khớp biển số" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SampleCases.Url(c) + "?done=confirmed", response.Headers.Location!.ToString());
        var stored = (await _factory.Cases.GetAsync(c.CaseId))!;
        Assert.Equal(CaseStatus.Confirmed, stored.Status);
        var entry = stored.History[^1];
        Assert.Equal(("lan", "confirmed", "Camera khớp biển số"), (entry.Actor, entry.Action, entry.Note));
        Assert.True(DateTime.UtcNow - entry.AtUtc < TimeSpan.FromMinutes(1));
        var page = await officer.GetStringAsync(SampleCases.Url(c) + "?done=confirmed");
        Assert.Contains("Đã xác nhận vi phạm.", page, StringComparison.Ordinal);
        Assert.Contains("<strong>lan</strong> xác nhận vi phạm", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dismissal_without_a_reason_is_refused_with_a_visible_error_and_nothing_changes()
    {
        var c = await NewCaseAsync();
        var officer = await _factory.SignedInAsync(Roles.Officer);

        var response = await PostAsync(officer, c, "Dismiss", new() { ["Note"] = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bác bỏ vụ việc phải ghi rõ lý do. Vụ việc chưa thay đổi.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await _factory.Cases.GetAsync(c.CaseId))!;
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Single(stored.History);
    }

    [Fact]
    public async Task Assign_then_dismiss_with_a_reason_then_close_records_each_step()
    {
        var c = await NewCaseAsync();
        _factory.Users.Upsert("minh", Roles.Officer, DashboardFactory.Password);
        var admin = await _factory.SignedInAsync(Roles.Admin, "hoa");

        var assign = await PostAsync(admin, c, "Assign", new() { ["Assignee"] = "minh" });
        var afterAssign = (await _factory.Cases.GetAsync(c.CaseId))!;
        var dismiss = await PostAsync(admin, c, "Dismiss", new() { ["Note"] = "Xe cứu thương làm nhiệm vụ" });
        var close = await PostAsync(admin, c, "Close", []);

        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.Equal((CaseStatus.InReview, "minh"), (afterAssign.Status, afterAssign.Assignee));
        Assert.Equal(HttpStatusCode.Redirect, dismiss.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var stored = (await _factory.Cases.GetAsync(c.CaseId))!;
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal(
            [("system", "raised", (string?)null), ("hoa", "assigned", "minh"), ("hoa", "dismissed", "Xe cứu thương làm nhiệm vụ"), ("hoa", "closed", null)],
            stored.History.Select(h => (h.Actor, h.Action, h.Note)));
    }

    [Fact]
    public async Task A_comment_is_recorded_without_changing_the_status()
    {
        var c = await NewCaseAsync();
        var officer = await _factory.SignedInAsync(Roles.Officer, "thu");

        var response = await PostAsync(officer, c, "Comment", new() { ["Note"] = "Đã gọi điện cho doanh nghiệp" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await _factory.Cases.GetAsync(c.CaseId))!;
        Assert.Equal(CaseStatus.Open, stored.Status);
        Assert.Equal(("thu", "comment", "Đã gọi điện cho doanh nghiệp"), (stored.History[^1].Actor, stored.History[^1].Action, stored.History[^1].Note));
    }

    [Fact]
    public async Task Assigning_to_a_monitor_account_is_refused()
    {
        var c = await NewCaseAsync();
        _factory.Users.Upsert("viewer", Roles.Monitor, DashboardFactory.Password);
        var officer = await _factory.SignedInAsync(Roles.Officer);

        var response = await PostAsync(officer, c, "Assign", new() { ["Assignee"] = "viewer" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không thể phân công cho &quot;viewer&quot;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await _factory.Cases.GetAsync(c.CaseId))!.Assignee);
    }

    [Fact]
    public async Task A_move_the_status_machine_forbids_is_refused_with_409_and_the_reason()
    {
        var c = await NewCaseAsync();
        var officer = await _factory.SignedInAsync(Roles.Officer);

        var response = await PostAsync(officer, c, "Close", []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Không thể đóng vụ việc đang ở trạng thái &quot;Mới&quot;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Open, (await _factory.Cases.GetAsync(c.CaseId))!.Status);
    }

    [Fact]
    public async Task A_monitor_sees_the_case_without_the_action_forms_and_its_post_gets_403()
    {
        var c = await NewCaseAsync();
        var monitor = await _factory.SignedInAsync(Roles.Monitor);

        var page = await monitor.GetStringAsync(SampleCases.Url(c));
        var response = await PostAsync(monitor, c, "Confirm", []);

        Assert.Contains("Quá tốc độ · 12C-345.67", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Confirm", page, StringComparison.Ordinal);
        Assert.DoesNotContain("case-actions", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CaseStatus.Open, (await _factory.Cases.GetAsync(c.CaseId))!.Status);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_with_400()
    {
        var c = await NewCaseAsync();
        var officer = await _factory.SignedInAsync(Roles.Officer);

        var response = await officer.PostAsync(SampleCases.Url(c) + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CaseStatus.Open, (await _factory.Cases.GetAsync(c.CaseId))!.Status);
    }

    [Fact]
    public async Task The_case_page_shows_the_vehicle_measured_values_law_fine_and_alarms()
    {
        var c = await NewCaseAsync();
        var officer = await _factory.SignedInAsync(Roles.Officer);

        var page = await officer.GetStringAsync(SampleCases.Url(c));

        foreach (var expected in new[]
        {
            "Xe đầu kéo sơ mi rơ moóc", "Công ty Vận tải Hữu Nghị", "D-0042", "QL1 Lạng Sơn – Hữu Nghị",
            "<dt>Tốc độ tối đa</dt><dd>92 km/h</dd>", "<dt>Tốc độ trung bình</dt><dd>84,5 km/h</dd>", "<dt>Thời gian vi phạm</dt><dd>2 min 30 s</dd>",
            "<dt>Quãng đường vi phạm</dt><dd>3,4 km</dd>", "điểm a khoản 6 Điều 6, điểm b khoản 16 Điều 6 Nghị định 168/2024; Thông tư 38/2024/TT-BGTVT",
            "6.000.000 ₫ – 8.000.000 ₫", "trừ 4 điểm giấy phép lái xe", "Quá tốc độ (thiết bị)", "Dữ liệu hành trình (4 điểm)",
            "handler=Confirm", "handler=Dismiss", "handler=Assign", "handler=Comment",
        })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("handler=Close", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cases/speeding%3Anobody%3A20260101T000000Z")]
    [InlineData("/cases/speeding%3Anobody%3A20260101T000000Z/notice")]
    [InlineData("/cases/speeding%3Anobody%3A20260101T000000Z/evidence.geojson")]
    public async Task An_unknown_case_is_404(string url)
    {
        var officer = await _factory.SignedInAsync(Roles.Officer);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(url)).StatusCode);
    }

    private static int _next;

    /// <summary>A fresh open case for one test (its own start minute, so its own id).</summary>
    private async Task<RaisedCase> NewCaseAsync()
    {
        var c = SampleCases.Speeding(SampleCases.Start.AddMinutes(Interlocked.Increment(ref _next)));
        Assert.True(await _factory.Cases.AddAsync(c, DateTime.UtcNow));
        return c;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, RaisedCase c, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(SampleCases.Url(c) + "?handler=" + handler, fields, formPage: SampleCases.Url(c));

    public sealed class Fixture : IDisposable
    {
        public DashboardFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }
}
