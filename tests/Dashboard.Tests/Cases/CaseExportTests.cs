using System.Net;
using System.Text;
using System.Text.Json;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Cases;

public sealed class CaseExportTests : IClassFixture<CaseExportTests.Fixture>
{
    private const string Header =
        "Mã vụ việc,Loại vi phạm,Trạng thái,Bắt đầu (giờ Việt Nam),Kết thúc (giờ Việt Nam),Biển số,Loại phương tiện,Đơn vị vận tải,Thiết bị,Lái xe,Tuyến đường,"
        + "Giá trị chính,Giá trị đo,Căn cứ pháp lý,Mức phạt tối thiểu (VND),Mức phạt tối đa (VND),Điểm GPLX bị trừ,Cán bộ xử lý";

    private const string SpeedingRow =
        "speeding:356307040000001:20261128T101500Z,Quá tốc độ,Đã xác nhận,2026-11-28 17:15:00,2026-11-28 17:18:00,12C-345.67,Xe đầu kéo sơ mi rơ moóc,"
        + "Công ty Vận tải Hữu Nghị,356307040000001,D-0042,QL1 Lạng Sơn – Hữu Nghị,92 / 70 km/h,"
        + "\"Tốc độ tối đa: 92 km/h; Tốc độ trung bình: 84,5 km/h; Tốc độ giới hạn: 70 km/h; Vượt quá giới hạn: 22 km/h; Thời gian vi phạm: 2 min 30 s; Quãng đường vi phạm: 3,4 km\","
        + "\"điểm a khoản 6 Điều 6, điểm b khoản 16 Điều 6 Nghị định 168/2024; Thông tư 38/2024/TT-BGTVT\",6000000,8000000,4,lan";

    // The class and the operator hold commas and quotes: quoted, quotes doubled (RFC 4180).
    private const string StopRow =
        "corridor-stop:356307040000009:20261129T030000Z,Dừng đỗ trên đoạn cấm dừng,Mới,2026-11-29 10:00:00,2026-11-29 10:25:00,29H-123.45,"
        + "\"Xe tải trên 3,5 tấn\",\"HTX Vận tải, \"\"Kỳ Lừa\"\"\",356307040000009,,QL4A,dừng 25 min 00 s,"
        + "Thời gian vi phạm: 25 min 00 s; Thời gian dừng cho phép: 10 min 00 s,\"Điều 18 (dừng xe, đỗ xe) Luật 36/2024; Điều 6 Nghị định 168/2024\",,,,";

    private readonly Fixture _fixture;

    public CaseExportTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_bom_and_rfc4180_rows_in_the_list_order()
    {
        var response = await _fixture.Client.GetAsync("/cases/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("attachment; filename=\"cases-", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(4, lines.Length); // header, two cases, and the empty string after the last CRLF
        Assert.Equal(StopRow, lines[1]);
        Assert.Equal(SpeedingRow, lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public async Task The_csv_export_takes_the_list_filters_and_ignores_its_paging()
    {
        var text = await _fixture.Client.GetStringAsync("/cases/export.csv?kind=speeding&page=7&size=1");

        Assert.Equal([Header, SpeedingRow, string.Empty], text.TrimStart('\uFEFF').Split("\r\n"));
    }

    [Fact]
    public async Task A_bad_filter_on_an_export_is_a_400_that_says_which()
    {
        var response = await _fixture.Client.GetAsync("/cases/export.csv?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bộ lọc không hợp lệ:\nNgày không hợp lệ: \"yesterday\" (định dạng yyyy-mm-dd, ví dụ 2026-11-28).\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_evidence_geojson_is_the_track_as_a_line_then_each_point_with_time_speed_and_limit()
    {
        var response = await _fixture.Client.GetAsync(SampleCases.Url(SampleCases.Speeding()) + "/evidence.geojson");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = doc.RootElement.GetProperty("features");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(5, features.GetArrayLength());
        var line = features[0];
        Assert.Equal("LineString", line.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(
            [[106.7612, 21.8531], [106.7655, 21.8612], [106.7701, 21.8690], [106.7740, 21.8755]],
            line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray());
        var properties = line.GetProperty("properties");
        Assert.Equal("speeding:356307040000001:20261128T101500Z", properties.GetProperty("caseId").GetString());
        Assert.Equal("confirmed", properties.GetProperty("status").GetString());
        Assert.Equal("12C-345.67", properties.GetProperty("plate").GetString());
        Assert.Equal(92, properties.GetProperty("measured").GetProperty("maxSpeedKmh").GetDouble());
        Assert.Equal(8_000_000, properties.GetProperty("fineMaxVnd").GetInt64());
        var second = features[2];
        Assert.Equal([106.7655, 21.8612], second.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("2026-11-28T10:16:00.000Z", second.GetProperty("properties").GetProperty("time").GetString());
        Assert.Equal(92, second.GetProperty("properties").GetProperty("speedKmh").GetDouble());
        Assert.Equal(70, second.GetProperty("properties").GetProperty("limitKmh").GetDouble());
    }

    [Fact]
    public async Task The_list_geojson_export_has_one_feature_per_matching_case()
    {
        using var doc = JsonDocument.Parse(await _fixture.Client.GetStringAsync("/cases/export.geojson?kind=corridor-stop"));
        var feature = Assert.Single(doc.RootElement.GetProperty("features").EnumerateArray());

        Assert.Equal("corridor-stop:356307040000009:20261129T030000Z", feature.GetProperty("id").GetString());
        Assert.Equal([106.74, 21.9], feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task The_notice_is_a_Vietnamese_document_with_the_vehicle_law_and_fine_even_in_English()
    {
        var client = await _fixture.Factory.SignedInAsync(Roles.Monitor);
        await client.GetAsync("/lang/en");

        var html = await client.GetStringAsync(SampleCases.Url(SampleCases.Speeding()) + "/notice");

        foreach (var expected in new[]
        {
            "THÔNG BÁO VI PHẠM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Kính gửi: <strong>Công ty Vận tải Hữu Nghị</strong>",
            "12C-345.67", "Từ 28/11/2026 17:15:00 đến 28/11/2026 17:18:00", "QL1 Lạng Sơn – Hữu Nghị", "<strong>Quá tốc độ</strong>",
            "Nghị định 168/2024", "6.000.000 ₫ – 8.000.000 ₫", "trừ 4 điểm giấy phép lái xe", "<svg", "CÁN BỘ XỬ LÝ", "Print",
        })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("draft-mark", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_of_an_unconfirmed_case_is_marked_as_a_draft()
    {
        var html = await _fixture.Client.GetStringAsync(SampleCases.Url(Fixture.Stop) + "/notice");

        Assert.Contains("<div class=\"draft-mark\" aria-hidden=\"true\">DỰ THẢO</div>", html, StringComparison.Ordinal);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public static readonly RaisedCase Stop = SampleCases.CorridorStop(new DateTime(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc), "356307040000009", "29H-123.45", "HTX Vận tải, \"Kỳ Lừa\"", "QL4A");

        public DashboardFactory Factory { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var speeding = SampleCases.Speeding();
            await Factory.Cases.AddAsync(speeding, speeding.End);
            await Factory.Cases.AssignAsync(speeding.CaseId, "lan", "lan", speeding.End);
            await Factory.Cases.SetStatusAsync(speeding.CaseId, CaseStatus.Confirmed, "lan", null, speeding.End);
            await Factory.Cases.AddAsync(Stop, Stop.End);
            Client = await Factory.SignedInAsync(Roles.Monitor);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
