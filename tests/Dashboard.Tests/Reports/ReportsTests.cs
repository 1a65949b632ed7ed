using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Reports;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.Reports;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Reports;

/// <summary>
/// November 2026, known figures: vehicle A drove 1,200 km with 6 speeding cases — exactly 5 per
/// 1,000 km, so its badge is withdrawn; C drove 2,000 km with 9 (4.5: under); B drove 400 km
/// with one continuous- and one daily-driving case and one dismissed speeding case (not counted).
/// </summary>
public sealed partial class ReportsTests : IClassFixture<ReportsTests.Fixture>
{
    private const string A = "356307040000011";
    private const string B = "356307040000012";
    private const string C = "356307040000013";
    private const string HuuNghi = "Vận tải Hữu Nghị";
    private const string LangSon = "Xe khách Lạng Sơn";
    private readonly DashboardFactory _factory;

    public ReportsTests(Fixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task Flags_the_vehicle_at_exactly_five_speeding_cases_per_thousand_km_and_not_the_one_under()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var html = await client.GetStringAsync("/reports?month=2026-11");

        var a = Row(html, A);
        Assert.Contains("over-threshold", a, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.200,0</td>", a, StringComparison.Ordinal);
        Assert.Matches("<td class=\"num\">5,00\\s*<span class=\"badge danger\"", a);
        Assert.Contains("Thu hồi phù hiệu", a, StringComparison.Ordinal);
        var c = Row(html, C);
        Assert.DoesNotContain("over-threshold", c, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">4,50</td>", c, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" data-stat=\"overthreshold\">1</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" data-stat=\"speeding\">15</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" data-stat=\"drivingtime\">2</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vehicles_csv_has_a_bom_the_header_and_exact_rows_most_violating_first()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var response = await client.GetAsync("/reports/vehicles.csv?month=2026-11");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("vehicles-2026-11.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(
        [
            "Biển số,Mã thiết bị,Đơn vị vận tải,Quãng đường (km),Vi phạm tốc độ,Vi phạm/1.000 km,Phù hiệu,Lái xe liên tục quá 4 giờ,Lái xe quá 10 giờ/ngày,Lái xe quá 48 giờ/tuần",
            $"12C-111.11,{A},{HuuNghi},1200.0,6,5.00,Thu hồi phù hiệu,0,0,0",
            $"12B-333.33,{C},{LangSon},2000.0,9,4.50,,0,0,0",
            $"12C-222.22,{B},{HuuNghi},400.0,0,0.00,,1,1,0",
            string.Empty,
        ], lines);
    }

    [Fact]
    public async Task The_operators_csv_sums_the_operator_s_vehicles()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/reports/operators.csv?month=2026-11"));

        Assert.Equal(
            "\uFEFFĐơn vị vận tải,Số xe,Quãng đường (km),Vi phạm tốc độ,Vi phạm/1.000 km,Xe từ ngưỡng 5,Lái xe liên tục quá 4 giờ,Lái xe quá 10 giờ/ngày,Lái xe quá 48 giờ/tuần\r\n"
            + $"{LangSon},1,2000.0,9,4.50,0,0,0,0\r\n"
            + $"{HuuNghi},2,1600.0,6,3.75,1,1,1,0\r\n",
            text);
    }

    [Fact]
    public async Task Another_month_has_its_own_cases_only()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/reports/vehicles.csv?month=2026-12"));

        Assert.EndsWith($"\r\n12C-111.11,{A},{HuuNghi},0.0,1,1.00,,0,0,0\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports?month=2026-13")]
    [InlineData("/reports?month=november")]
    [InlineData("/reports/vehicles.csv?month=1999-12")]
    [InlineData("/reports/operators.csv?month=2026-1")]
    public async Task A_month_that_is_not_yyyy_MM_is_a_bad_request(string url)
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_exports_need_a_session()
    {
        var response = await _factory.Anonymous().GetAsync("/reports/vehicles.csv?month=2026-11");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 1200, true)]
    [InlineData(5, 1001, false)]
    [InlineData(5, 300, true)]
    [InlineData(4, 100, false)]
    public void The_badge_threshold_is_five_per_thousand_km_and_the_count_under_a_thousand(int speeding, double km, bool withdrawn) =>
        Assert.Equal(withdrawn, ViolationRate.WithdrawsBadge(speeding, km));

    private static string Row(string html, string device)
    {
        var match = RowPattern().Matches(html).FirstOrDefault(m => m.Value.Contains($"data-device=\"{device}\"", StringComparison.Ordinal));
        Assert.NotNull(match);
        return match.Value;
    }

    [GeneratedRegex("<tr[^>]*data-device=\"[^\"]+\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            var distances = Factory.Services.GetRequiredService<DistanceDailyStore>();
            await distances.AddAsync(
            [
                new DistanceDay(A, new DateOnly(2026, 11, 3), 700_000, HuuNghi, "12C-111.11"),
                new DistanceDay(A, new DateOnly(2026, 11, 30), 500_000, HuuNghi, "12C-111.11"),
                new DistanceDay(B, new DateOnly(2026, 11, 10), 400_000, HuuNghi, "12C-222.22"),
                new DistanceDay(C, new DateOnly(2026, 11, 12), 2_000_000, LangSon, "12B-333.33"),
                new DistanceDay(C, new DateOnly(2026, 10, 31), 5_000_000, LangSon, "12B-333.33"),
            ]);

            var cases = Factory.Cases;
            var now = DateTime.UtcNow;
            // 00:30 on 1 November in Hà Nội time is still 31 October in UTC: it counts for November.
            var novemberStart = new DateTime(2026, 10, 31, 17, 30, 0, DateTimeKind.Utc);
            for (var i = 0; i < 6; i++)
            {
                await cases.AddAsync(Case(CaseKinds.Speeding, A, "12C-111.11", HuuNghi, novemberStart.AddDays(i * 4)), now);
            }

            for (var i = 0; i < 9; i++)
            {
                await cases.AddAsync(Case(CaseKinds.Speeding, C, "12B-333.33", LangSon, new DateTime(2026, 11, 2 + i, 3, 0, 0, DateTimeKind.Utc)), now);
            }

            await cases.AddAsync(Case(CaseKinds.ContinuousDriving, B, "12C-222.22", HuuNghi, new DateTime(2026, 11, 10, 1, 0, 0, DateTimeKind.Utc)), now);
            await cases.AddAsync(Case(CaseKinds.DailyDriving, B, "12C-222.22", HuuNghi, new DateTime(2026, 11, 11, 1, 0, 0, DateTimeKind.Utc)), now);
            var dismissed = Case(CaseKinds.Speeding, B, "12C-222.22", HuuNghi, new DateTime(2026, 11, 12, 1, 0, 0, DateTimeKind.Utc));
            await cases.AddAsync(dismissed, now);
            await cases.SetStatusAsync(dismissed.CaseId, CaseStatus.Dismissed, "officer", "GPS drift", now);
            await cases.SetStatusAsync(dismissed.CaseId, CaseStatus.Closed, "officer", null, now);
            // 00:30 on 1 December local time: December's.
            await cases.AddAsync(Case(CaseKinds.Speeding, A, "12C-111.11", HuuNghi, new DateTime(2026, 11, 30, 17, 30, 0, DateTimeKind.Utc)), now);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        private static RaisedCase Case(string kind, string device, string plate, string op, DateTime start) => new()
        {
            Kind = kind,
            DeviceId = device,
            Plate = plate,
            Operator = op,
            Start = start,
            End = start.AddMinutes(2),
            LegalReference = "Decree 168/2024",
        };
    }
}
