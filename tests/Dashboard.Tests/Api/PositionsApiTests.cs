using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Api;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Dashboard.Tests.Api;

public sealed class PositionsApiTests : IClassFixture<ApiFixture>
{
    private static readonly DateTime Time = new(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
    private readonly ApiFixture _fixture;
    private readonly HttpClient _health;

    public PositionsApiTests(ApiFixture fixture)
    {
        _fixture = fixture;
        _health = fixture.ClientWith("Sở Y tế Lạng Sơn", ApiScopes.PositionsRead);
        var live = fixture.Factory.Services.GetRequiredService<LiveFleetState>();
        // Seven trucks of one operator and three coaches of another, as the pipeline hands them to the live state.
        for (var i = 0; i < 10; i++)
        {
            var deviceId = "35630704100" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var entry = new DeviceEntry { DeviceId = deviceId, Plate = $"12C-{300 + i}.00", VehicleClass = i < 7 ? VehicleClass.Truck : VehicleClass.Coach, Operator = i < 7 ? ApiFixture.Trucks : ApiFixture.Coaches };
            var record = new PositionRecord { DeviceId = deviceId, Time = Time.AddSeconds(i), Lat = 21.85 + (i / 1000.0), Lon = 106.76, SpeedKmh = 40 + i, Heading = 90, Valid = true, Ignition = true };
            live.OnPositionAsync(new IngestedPosition(record, entry, Late: false), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public async Task Positions_are_paged_by_device_id_with_the_exact_total()
    {
        var page = await GetJsonAsync("/api/v1/positions?page=2&pageSize=4");

        Assert.Equal(10, page.GetProperty("total").GetInt32());
        var devices = page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("deviceId").GetString()!).ToArray();
        Assert.Equal(["356307041001004", "356307041001005", "356307041001006", "356307041001007"], devices);
        Assert.Equal("/api/v1/positions?page=3&pageSize=4", page.GetProperty("links").GetProperty("next").GetString());
    }

    [Fact]
    public async Task The_operator_filter_keeps_that_operators_vehicles()
    {
        var page = await GetJsonAsync("/api/v1/positions?operator=" + Uri.EscapeDataString(ApiFixture.Coaches));

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), v => Assert.Equal("coach", v.GetProperty("vehicleClass").GetString()));
    }

    [Fact]
    public async Task One_vehicles_position_has_its_plate_speed_and_time()
    {
        var vehicle = await GetJsonAsync("/api/v1/vehicles/356307041001003/position");

        Assert.Equal("12C-303.00", vehicle.GetProperty("plate").GetString());
        Assert.Equal(43, vehicle.GetProperty("speedKmh").GetDouble());
        Assert.Equal("2026-11-28T03:00:03Z", vehicle.GetProperty("time").GetString());
        Assert.Equal(ApiFixture.Trucks, vehicle.GetProperty("operator").GetString());
    }

    [Fact]
    public async Task An_unknown_vehicle_gets_404()
    {
        var response = await _health.GetAsync("/api/v1/vehicles/999/position");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_page_size_over_500_gets_400()
    {
        var response = await _health.GetAsync("/api/v1/positions?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pageSize must be between 1 and 500", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("pageSize")[0].GetString());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _health.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
