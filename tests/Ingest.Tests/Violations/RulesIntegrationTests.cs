using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Tests.Violations;

/// <summary>
/// The simulator drives a speeding truck and a detouring truck along the Lạng Sơn corridors
/// through the real TCP listeners; the rules on the live pipeline put the expected cases in the store.
/// </summary>
public sealed class RulesIntegrationTests
{
    [Fact]
    public async Task A_speeding_truck_and_a_detouring_truck_raise_their_cases_through_the_real_listeners()
    {
        var fleetOptions = new FleetOptions
        {
            Vehicles = 2,
            Protocols = ["teltonika", "gt06"],
            RecordsPerVehicle = 500,
            TimeScale = 1_000_000,
            Backlog = TimeSpan.FromHours(5),
            Behaviours = [VehicleBehaviours.Speeding, VehicleBehaviours.LeaveRoute],
        };
        var registry = FleetRegistry.ToJson(new FleetRunner(fleetOptions, RouteLibrary.LangSon(), NullLogger.Instance).Vehicles);
        await using var worker = await WorkerHost.StartAsync(registry);
        fleetOptions.Ports["teltonika"] = worker.PortOf("teltonika");
        fleetOptions.Ports["gt06"] = worker.PortOf("gt06");
        var fleet = new FleetRunner(fleetOptions, RouteLibrary.LangSon(), NullLogger.Instance);
        var speeder = fleet.Vehicles[0].DeviceId;
        var detourer = fleet.Vehicles[1].DeviceId;
        var store = worker.Services.GetRequiredService<SqliteCaseStore>();

        await fleet.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
        await Eventually.True(() => worker.Recorder.Received.Count == 1000, "all records delivered");

        var speeding = await store.ListAsync(CaseKinds.Speeding, speeder);
        var detours = await store.ListAsync(CaseKinds.RouteDeviation, detourer);
        Assert.NotEmpty(speeding);
        Assert.NotEmpty(detours);
        Assert.Empty(await store.ListAsync(CaseKinds.Speeding, detourer));
        Assert.Empty(await store.ListAsync(CaseKinds.RouteDeviation, speeder));

        var s = speeding[0];
        Assert.Equal("12C-100.00", s.Case.Plate);
        Assert.Equal("tractor-semitrailer", s.Case.VehicleClass);
        Assert.Equal(70, s.Case.Measured["limitKmh"]);
        Assert.True(s.Case.Measured["durationS"] > 30);
        Assert.Equal(CaseStatus.Open, s.Status);
        Assert.Equal("raised", Assert.Single(s.History).Action);
        var d = detours[0];
        Assert.InRange(d.Case.Measured["maxDistanceM"], 400, 600);
        Assert.True(d.Case.Measured["durationS"] >= 60);
    }
}
