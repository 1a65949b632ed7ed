using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Fleet;
using Telematics.Dashboard.Gates;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.Violations;
using Telematics.Rules.GateQueues;

namespace Telematics.Dashboard.Tests.Gates;

/// <summary>The gates page and its data: live figures per gate zone, and the day's trend that survives a restart.</summary>
public sealed class GatesPageTests : IClassFixture<GatesPageTests.Fixture>
{
    private const string Gate = "Hữu Nghị international border gate";
    private const string Approach = "Hữu Nghị approach";
    private readonly DashboardFactory _factory;

    public GatesPageTests(Fixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task Shows_every_scenario_gate_with_vehicles_now_and_dwell_median_and_p90_in_minutes()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var html = await client.GetStringAsync("/gates");

        foreach (var name in new[] { "Cửa khẩu quốc tế Hữu Nghị", "Cửa khẩu Tân Thanh", "Cửa khẩu Cốc Nam", "Cửa khẩu Chi Ma", "Cửa khẩu Bình Nghi" })
        {
            Assert.Contains($"<h2>{name}</h2>", html, StringComparison.Ordinal);
        }

        var zone = Block(html, $"data-zone=\"{Approach}\"");
        Assert.Contains("<span class=\"big\" data-field=\"vehicles\">2</span>", zone, StringComparison.Ordinal);
        Assert.Contains("<span data-field=\"median\">20,0</span> phút", zone, StringComparison.Ordinal);
        Assert.Contains("<span data-field=\"p90\">30,0</span> phút", zone, StringComparison.Ordinal);
        Assert.Contains("2 xe đang chờ", Block(html, $"data-gate=\"{Gate}\""), StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" id=\"total-approach\">2</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_data_endpoint_gives_the_figures_and_today_s_trend_minute_by_minute()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);
        var sampler = _factory.Services.GetRequiredService<GateSampler>();
        var trend = _factory.Services.GetRequiredService<GateTrend>();
        var dayStart = trend.DayStartUtc(DateTime.UtcNow);
        sampler.Sample(dayStart.AddMinutes(1).AddSeconds(12));
        sampler.Sample(dayStart.AddMinutes(1).AddSeconds(40)); // same minute: not a second sample
        sampler.Sample(dayStart.AddMinutes(2).AddSeconds(5));

        var data = await client.GetFromJsonAsync<JsonElement>("/gates/data");

        var gate = data.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gate").GetString() == Gate);
        var approach = gate.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zone").GetString() == Approach);
        Assert.Equal(("approach-zone", 2, 20.0, 30.0), (approach.GetProperty("kind").GetString(), approach.GetProperty("vehicles").GetInt32(), approach.GetProperty("dwellMedianMin").GetDouble(), approach.GetProperty("dwellP90Min").GetDouble()));
        var points = approach.GetProperty("trend").EnumerateArray().Select(p => (p[0].GetInt64(), p[1].GetInt32())).ToList();
        Assert.Equal([(Ms(dayStart.AddMinutes(1)), 2), (Ms(dayStart.AddMinutes(2)), 2)], points);
        Assert.Equal(Ms(dayStart), data.GetProperty("dayStartMs").GetInt64());
    }

    [Fact]
    public void A_restarted_dashboard_gets_today_s_trend_back_from_its_database()
    {
        var zone = _factory.Services.GetRequiredService<GateTrend>().TimeZone;
        var dayStart = new GateTrend(zone).DayStartUtc(DateTime.UtcNow);
        var before = new GateTrend(zone);
        Sampler(before).Sample(dayStart.AddMinutes(30));

        var restarted = new GateTrend(zone);
        Sampler(restarted).Restore(DateTime.UtcNow);

        Assert.Equal([new GateSample(dayStart.AddMinutes(30), 2)], before.Today(Approach, DateTime.UtcNow));
        Assert.Contains(new GateSample(dayStart.AddMinutes(30), 2), restarted.Today(Approach, DateTime.UtcNow));
    }

    private GateSampler Sampler(GateTrend trend) => new(
        _factory.Services.GetRequiredService<IFleetView>(),
        trend,
        _factory.Services.GetRequiredService<GateSampleStore>(),
        Options.Create(new GateTrendOptions()),
        TimeProvider.System,
        NullLogger<GateSampler>.Instance);

    [Fact]
    public async Task The_data_endpoint_needs_a_session()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/gates/data");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await _factory.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static long Ms(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();

    /// <summary>The element opened by the tag holding <paramref name="marker"/>, up to the end of its section (enough to scope a search).</summary>
    private static string Block(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{marker} not on the page");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        var nextZone = html.IndexOf("data-zone=", start + marker.Length, StringComparison.Ordinal);
        return html[start..(marker.StartsWith("data-zone", StringComparison.Ordinal) && nextZone > 0 && nextZone < end ? nextZone : end)];
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            var board = Factory.Services.GetRequiredService<GateBoard>();
            var t0 = new DateTime(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);
            // Three finished visits of 10, 20 and 30 min, and two trucks still queued.
            for (var i = 1; i <= 3; i++)
            {
                board.Apply(new GateVisit("dev-" + i, Approach, Gate, "approach-zone", t0, t0.AddMinutes(10 * i)));
            }

            board.Apply(new GateVisit("dev-4", Approach, Gate, "approach-zone", t0.AddHours(1), null));
            board.Apply(new GateVisit("dev-5", Approach, Gate, "approach-zone", t0.AddHours(1), null));
        }

        public DashboardFactory Factory { get; } = new(("Telematics:Dashboard:GateSampleInterval", "00:00:00"));

        public void Dispose() => Factory.Dispose();
    }
}
