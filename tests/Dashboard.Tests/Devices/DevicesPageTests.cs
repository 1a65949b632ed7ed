using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Devices;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Transport;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.Tests.Devices;

/// <summary>
/// Three registered devices: one reporting (a record through the real pipeline), two that never
/// sent anything — silent, listed first and highlighted — and the filters over them.
/// </summary>
public sealed partial class DevicesPageTests : IClassFixture<DevicesPageTests.Fixture>
{
    private const string Reporting = "356307040000021";
    private const string Silent = "356307040000022";
    private const string SilentToo = "356307040000023";
    private readonly DashboardFactory _factory;

    public DevicesPageTests(Fixture fixture) => _factory = fixture.Factory;

    [Fact]
    public async Task Lists_registered_devices_that_never_reported_as_silent_first_and_the_reporting_one_as_not()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var html = await client.GetStringAsync("/devices");

        var rows = Rows(html);
        Assert.Equal([Silent, SilentToo, Reporting], rows.Select(r => r.Device));
        Assert.Contains("class=\"silent\"", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("Chưa từng gửi dữ liệu", rows[0].Html, StringComparison.Ordinal);
        Assert.Contains("12C-555.02", rows[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"silent\"", rows[2].Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-silent", rows[2].Html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" data-stat=\"silent\">2</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" data-stat=\"known\">3</div>", html, StringComparison.Ordinal);
        Assert.Contains("Nghị định 168/2024 Điều 26.7.a", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_status_and_searches_plate_and_operator()
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        var silent = Rows(await client.GetStringAsync("/devices?status=silent"));
        var byPlate = Rows(await client.GetStringAsync("/devices?q=555.01"));
        var byOperator = Rows(await client.GetStringAsync("/devices?q=" + Uri.EscapeDataString("xe khách")));
        var byProtocol = Rows(await client.GetStringAsync("/devices?protocol=jt808"));

        Assert.Equal([Silent, SilentToo], silent.Select(r => r.Device));
        Assert.Equal([Reporting], byPlate.Select(r => r.Device));
        Assert.Equal([SilentToo], byOperator.Select(r => r.Device));
        Assert.Empty(byProtocol);
    }

    [Theory]
    [InlineData("/devices?status=asleep")]
    [InlineData("/devices?page=0")]
    [InlineData("/devices?page=x")]
    public async Task A_bad_filter_is_a_bad_request(string url)
    {
        var client = await _factory.SignedInAsync(Roles.Monitor);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public void A_registered_device_quiet_for_longer_than_the_reporting_interval_is_silent_for_that_long()
    {
        var now = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
        var interval = TimeSpan.FromMinutes(15);
        DeviceStatus Seen(DateTime at, bool registered = true) => new() { DeviceId = Silent, Registered = registered, LastFrameUtc = at, LastRecordUtc = at.AddSeconds(-3) };

        Assert.Equal(new DeviceRow(Seen(now.AddMinutes(-20)), true, TimeSpan.FromMinutes(20)), DeviceRow.Of(Seen(now.AddMinutes(-20)), now, interval));
        Assert.False(DeviceRow.Of(Seen(now.AddMinutes(-15)), now, interval).Silent);
        Assert.False(DeviceRow.Of(Seen(now.AddHours(-2), registered: false), now, interval).Silent);
        Assert.False(DeviceRow.Of(new DeviceStatus { DeviceId = "x", Registered = false }, now, interval).Silent);
    }

    private static List<(string Device, string Html)> Rows(string html) =>
        RowPattern().Matches(html).Select(m => (m.Groups[1].Value, m.Value)).ToList();

    [GeneratedRegex("<tr[^>]*data-device=\"([^\"]+)\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(Path.Combine(Factory.Directory, "devices.json"), $$"""
                {"devices":[
                  {"deviceId":"{{Reporting}}","plate":"12C-555.01","vehicleClass":"truck","operator":"Vận tải Đồng Đăng"},
                  {"deviceId":"{{Silent}}","plate":"12C-555.02","vehicleClass":"truck","operator":"Vận tải Đồng Đăng"},
                  {"deviceId":"{{SilentToo}}","plate":"12B-555.03","vehicleClass":"bus","operator":"Xe khách Lạng Sơn"}
                ]}
                """);
            var pipeline = Factory.Services.GetRequiredService<IngestPipeline>();
            await pipeline.EnqueueAsync(new PositionRecord { DeviceId = Reporting, Time = DateTime.UtcNow.AddSeconds(-5), Lat = 21.85, Lon = 106.76, Valid = true, Satellites = 9 });
            var live = Factory.Services.GetRequiredService<LiveFleetState>();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!live.TryGet(Reporting, out _))
            {
                Assert.True(DateTime.UtcNow < deadline, "the record reached the live state");
                await Task.Delay(20);
            }
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }
}
