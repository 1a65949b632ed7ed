using System.CommandLine;
using Telematics.Devices.Fleet;
using Telematics.Devices.Links;

namespace Telematics.Devices.Commands;

/// <summary>The options the run and demo verbs share, and turning them into <see cref="FleetOptions"/>.</summary>
internal sealed class FleetCommandOptions
{
    public Option<int> Vehicles { get; } = new("--vehicles", "-n") { Description = "Number of simulated vehicles", DefaultValueFactory = _ => 20 };

    public Option<string> Protocol { get; } = new("--protocol", "-p") { Description = "teltonika | gt06 | jt808 | mixed (round robin)", DefaultValueFactory = _ => "mixed" };

    public Option<double> TimeScale { get; } = new("--time-scale") { Description = "Simulated seconds per real second until the simulated clock catches up with now", DefaultValueFactory = _ => 10 };

    public Option<double> BacklogHours { get; } = new("--backlog-hours") { Description = "How many hours in the past the simulated clock starts", DefaultValueFactory = _ => 6 };

    public Option<int> RecordsPerVehicle { get; } = new("--records") { Description = "Stop each vehicle after this many records (0 = run until Ctrl+C)", DefaultValueFactory = _ => 0 };

    public Option<double> Speeding { get; } = new("--speeding") { Description = "Share of vehicles with speeding episodes (0..1)", DefaultValueFactory = _ => 0.2 };

    public Option<double> LeaveRoute { get; } = new("--leave-route") { Description = "Share of vehicles that leave their route (0..1)", DefaultValueFactory = _ => 0.1 };

    public Option<double> NoBreaks { get; } = new("--no-breaks") { Description = "Share of vehicles driving without breaks (0..1)", DefaultValueFactory = _ => 0.1 };

    public Option<double> Offline { get; } = new("--offline") { Description = "Share of vehicles that go offline and flush late (0..1)", DefaultValueFactory = _ => 0.1 };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed: the same seed gives the same fleet", DefaultValueFactory = _ => 1 };

    public Option<string?> Routes { get; } = new("--routes") { Description = "GeoJSON file whose LineStrings the vehicles drive (default: the Lạng Sơn corridors)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Vehicles, Protocol, TimeScale, BacklogHours, RecordsPerVehicle, Speeding, LeaveRoute, NoBreaks, Offline, Seed, Routes })
        {
            command.Options.Add(option);
        }
    }

    public FleetOptions ToFleetOptions(ParseResult parse)
    {
        var protocol = parse.GetValue(Protocol)!.ToLowerInvariant();
        if (protocol != "mixed" && !DeviceLinks.Protocols.Contains(protocol))
        {
            throw new ArgumentException($"unknown protocol \"{protocol}\": use teltonika, gt06, jt808 or mixed");
        }

        return new FleetOptions
        {
            Vehicles = parse.GetValue(Vehicles),
            Protocols = protocol == "mixed" ? DeviceLinks.Protocols : [protocol],
            TimeScale = parse.GetValue(TimeScale),
            Backlog = TimeSpan.FromHours(parse.GetValue(BacklogHours)),
            RecordsPerVehicle = parse.GetValue(RecordsPerVehicle),
            Speeding = parse.GetValue(Speeding),
            LeaveRoute = parse.GetValue(LeaveRoute),
            NoBreaks = parse.GetValue(NoBreaks),
            OfflineFlush = parse.GetValue(Offline),
            Seed = parse.GetValue(Seed),
        };
    }
}
