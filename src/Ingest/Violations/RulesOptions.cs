namespace Telematics.Ingest.Violations;

/// <summary>Section <c>Telematics:Rules</c>.</summary>
public sealed class RulesOptions
{
    public const string Section = "Telematics:Rules";

    public bool Enabled { get; set; } = true;

    /// <summary>The scenario GeoJSON (corridors, zones, routes, assignments). Relative paths are tried in the working directory, then next to the executable.</summary>
    public string Scenario { get; set; } = "scenarios/lang-son.geojson";

    /// <summary>The jurisdiction profile: vn-2024, eu-561 or us-fmcsa.</summary>
    public string Profile { get; set; } = "vn-2024";

    /// <summary>How often changed rule state is saved to the case store (it is always saved at shutdown).</summary>
    public TimeSpan StateSaveInterval { get; set; } = TimeSpan.FromSeconds(30);
}
