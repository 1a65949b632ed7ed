using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Tests.Support;
using Telematics.Ingest.Violations;
using Telematics.Rules.Scenario;

namespace Telematics.Ingest.Tests.Violations;

public sealed class ScenarioSourceTests
{
    private const string OneCorridor = """
        {"type":"FeatureCollection","name":"v1","features":[
          {"type":"Feature","properties":{"kind":"corridor","name":"Road","speedLimits":{"default":60}},
           "geometry":{"type":"LineString","coordinates":[[106.70,21.85],[106.80,21.85]]}}]}
        """;

    [Fact]
    public async Task An_edited_scenario_is_swapped_in_and_a_broken_edit_keeps_the_previous_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, OneCorridor);
        using var source = new ScenarioSource(Options.Create(new RulesOptions { Scenario = path }), NullLogger<ScenarioSource>.Instance);
        await source.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal("v1", source.Engine.Map.Name);

            await File.WriteAllTextAsync(path, OneCorridor.Replace("\"v1\"", "\"v2\"", StringComparison.Ordinal).Replace("60", "50", StringComparison.Ordinal));
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
            await Eventually.True(() => source.Engine.Map.Name == "v2", "the edited scenario in force");
            Assert.Equal(50, source.Engine.Map.Zones.Single(z => z.Kind == ZoneKind.Corridor).DefaultLimitKmh);

            await File.WriteAllTextAsync(path, "{ not geojson");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(10));
            await Eventually.True(() => source.LastError is not null, "the broken edit noticed");
            Assert.Equal("v2", source.Engine.Map.Name);
        }
        finally
        {
            await source.StopAsync(CancellationToken.None);
            File.Delete(path);
        }
    }
}
