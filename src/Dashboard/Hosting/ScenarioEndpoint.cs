using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Hosting;

/// <summary>
/// <c>GET /map/scenario</c>: the scenario's GeoJSON (corridors, routes, gates, zones, holding
/// yards) that the maps draw as their base layer, from the file the rules use.
/// </summary>
public static class ScenarioEndpoint
{
    public static void MapScenario(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/map/scenario", (IOptions<RulesOptions> rules) =>
            ScenarioSource.Resolve(rules.Value.Scenario) is { } path && File.Exists(path)
                ? Results.File(path, "application/geo+json")
                : Results.NotFound(new { error = $"scenario file {rules.Value.Scenario} not found" }))
            .RequireAuthorization(Policies.Monitor);
}
