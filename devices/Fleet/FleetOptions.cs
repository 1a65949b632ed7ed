namespace Telematics.Devices.Fleet;

/// <summary>What the simulator runs: how many vehicles, over which protocols, how fast, misbehaving how often.</summary>
public sealed class FleetOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Protocols to spread the vehicles over, round robin.</summary>
    public IReadOnlyList<string> Protocols { get; set; } = ["teltonika", "gt06", "jt808"];

    /// <summary>Port per protocol; missing ones take the usual port.</summary>
    public Dictionary<string, int> Ports { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int Vehicles { get; set; } = 20;

    /// <summary>Simulated seconds per real second while the simulated clock is behind real time.</summary>
    public double TimeScale { get; set; } = 10;

    /// <summary>How far in the past the simulated clock starts (it then catches up with real time at <see cref="TimeScale"/> and stays there).</summary>
    public TimeSpan Backlog { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Stop each vehicle after this many records (0 = run until cancelled).</summary>
    public int RecordsPerVehicle { get; set; }

    /// <summary>Share of vehicles with each misbehaviour (0..1), assigned deterministically from the seed.</summary>
    public double Speeding { get; set; } = 0.2;

    public double LeaveRoute { get; set; } = 0.1;

    public double NoBreaks { get; set; } = 0.1;

    public double OfflineFlush { get; set; } = 0.1;

    public int Seed { get; set; } = 1;

    /// <summary>Exact misbehaviours per vehicle (by index), overriding the shares above for the vehicles listed.</summary>
    public IReadOnlyList<VehicleBehaviours>? Behaviours { get; set; }

    /// <summary>Keep every acked record per vehicle (tests compare them with what the server stored).</summary>
    public bool KeepSentRecords { get; set; }
}
