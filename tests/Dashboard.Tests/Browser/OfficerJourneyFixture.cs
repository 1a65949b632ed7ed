using Microsoft.Extensions.Logging.Abstractions;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;
using Telematics.Devices.Fleet;
using Telematics.Devices.Routes;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Browser;

/// <summary>
/// The real all-in-one dashboard with a simulated fleet of three speeding vehicles reporting over
/// Teltonika, GT06 and JT808: two hours of backlog replayed at once (so speeding cases exist),
/// then reports in real time (so the trucks move while the browser watches). An officer account.
/// </summary>
public sealed class OfficerJourneyFixture : IAsyncLifetime
{
    public const string Officer = "officer-tuan";
    public const string Password = "officer-password-1";

    private readonly CancellationTokenSource _stop = new();
    private Task _fleetRun = Task.CompletedTask;

    public LiveDashboard Dashboard { get; private set; } = null!;

    public FleetRunner Fleet { get; private set; } = null!;

    public Support.Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        var options = new FleetOptions
        {
            Vehicles = 3,
            Protocols = ["teltonika", "gt06", "jt808"],
            TimeScale = 1_000_000,
            Backlog = TimeSpan.FromHours(2),
            Behaviours = [VehicleBehaviours.Speeding, VehicleBehaviours.Speeding, VehicleBehaviours.Speeding],
        };
        var registry = FleetRegistry.ToJson(new FleetRunner(options, RouteLibrary.LangSon(), NullLogger.Instance).Vehicles);
        Dashboard = await LiveDashboard.StartAsync(0, registry);
        Dashboard.Users.Upsert(Officer, Roles.Officer, Password);
        Dashboard.Users.Upsert("admin-ha", Roles.Admin, Password);
        foreach (var protocol in options.Protocols)
        {
            options.Ports[protocol] = Dashboard.PortOf(protocol);
        }

        Fleet = new FleetRunner(options, RouteLibrary.LangSon(), NullLogger.Instance);
        _fleetRun = Fleet.RunAsync(_stop.Token);
        await Browser.InitializeAsync();
        await Eventually.TrueAsync(async () => (await Dashboard.Cases.QueryAsync(new CaseQuery { Kind = CaseKinds.Speeding, Status = CaseStatus.Open })).Total >= 2, TimeSpan.FromSeconds(60), "two speeding cases raised from the replayed backlog");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _fleetRun.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The fleet stops by cancellation.
        }

        await Browser.DisposeAsync();
        await Dashboard.DisposeAsync();
        _stop.Dispose();
    }
}
