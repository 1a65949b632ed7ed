using Microsoft.Extensions.Options;
using Telematics.Ingest.Violations;
using Telematics.Rules.Scenario;

namespace Telematics.Dashboard.Gates;

/// <summary>
/// The scenario's border gates and their approach zones and holding yards, read once from the
/// scenario file the rules use, so that a gate nobody has queued at yet still gets its card.
/// Without a scenario file the gates are the ones the live figures name.
/// </summary>
public sealed class GateCatalog(IOptions<RulesOptions> rules, ILogger<GateCatalog> logger)
{
    private readonly Lazy<IReadOnlyList<GateZone>> _zones = new(() => Load(rules.Value.Scenario, logger));

    /// <summary>Every gate zone of the scenario, in file order.</summary>
    public IReadOnlyList<GateZone> Zones => _zones.Value;

    private static IReadOnlyList<GateZone> Load(string scenario, ILogger logger)
    {
        if (ScenarioSource.Resolve(scenario) is not { } path)
        {
            return [];
        }

        try
        {
            return ScenarioFile.Load(path).Zones
                .Where(z => z.Kind is ZoneKind.ApproachZone or ZoneKind.HoldingYard)
                .Select(z => new GateZone(z.Name, z.Gate, z.Kind == ZoneKind.HoldingYard ? GateZone.HoldingYard : GateZone.Approach))
                .ToList();
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or IOException or ArgumentException)
        {
            logger.LogWarning("Scenario {Path} not read for the gate list: {Reason}", path, ex.Message);
            return [];
        }
    }
}

/// <summary>A gate zone: its name, its gate, and its kind ("approach-zone" or "holding-yard", as the gate board spells them).</summary>
public sealed record GateZone(string Zone, string? Gate, string Kind)
{
    public const string Approach = "approach-zone";
    public const string HoldingYard = "holding-yard";
}
