namespace Telematics.Dashboard.Hosting;

/// <summary>How the dashboard runs: the section <c>Telematics:Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Telematics:Dashboard";

    /// <summary>AllInOne hosts the ingest worker (and, by default, the simulated fleet) in this process; Standalone reads the shared stores of workers that run elsewhere.</summary>
    public DashboardMode Mode { get; set; } = DashboardMode.AllInOne;

    /// <summary>The HTTP port of the dashboard (8080). 0 picks a free port.</summary>
    public int Port { get; set; } = 8080;

    /// <summary>The address the dashboard listens on.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>The dashboard's own SQLite file: accounts and agency API keys.</summary>
    public string Database { get; set; } = "dashboard.db";

    /// <summary>A signed-in session ends after this long without a request.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A signed-in session ends this long after sign-in, however active.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts allowed per client address and minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>The first administrator, created at start when no account exists (from Telematics__Dashboard__Admin__User / __Password).</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>The simulated fleet of the all-in-one mode.</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    /// <summary>Standalone mode: the worker whose live state (/live, /gates, /devices) the dashboard polls.</summary>
    public string WorkerUrl { get; set; } = "http://127.0.0.1:8081";

    /// <summary>The time zone of days, reports and the UI (the operators' zone).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}

public enum DashboardMode
{
    AllInOne,
    Standalone,
}

public sealed class AdminAccountOptions
{
    public string? User { get; set; }

    public string? Password { get; set; }
}

public sealed class SimulatorOptions
{
    /// <summary>How many simulated vehicles feed the all-in-one dashboard (0: none).</summary>
    public int Vehicles { get; set; } = 40;

    /// <summary>Simulated seconds per real second until the simulated clock catches up with now.</summary>
    public double TimeScale { get; set; } = 10;

    /// <summary>How far in the past the simulated clock starts, so that tracks and cases exist within minutes.</summary>
    public TimeSpan Backlog { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where the simulated fleet's registry is written; the worker then reads it instead of Telematics:Registry:Path.</summary>
    public string Registry { get; set; } = "demo-devices.json";
}
