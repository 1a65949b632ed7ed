using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Hosting;
using Telematics.Dashboard.Localization;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Gates;

/// <summary>The gate queues' services (catalog, trend ring, sampler) and <c>GET /gates/data</c>, which the page polls every 10 s.</summary>
public static class GatesEndpoints
{
    public static IServiceCollection AddGateQueues(this IServiceCollection services)
    {
        services.AddOptions<GateTrendOptions>().BindConfiguration(GateTrendOptions.Section);
        services.AddSingleton<GateCatalog>();
        services.AddSingleton(sp => new GateTrend(TimeZones.Find(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.TimeZone)));
        services.AddSingleton<GateSampleStore>();
        services.AddSingleton<GateCards>();
        services.AddSingleton<GateSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<GateSampler>());
        return services;
    }

    public static void MapGateQueues(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/gates/data", (GateCards cards, Ui ui, TimeProvider time) => Results.Ok(ToJson(cards.Build(time.GetUtcNow().UtcDateTime, ui.Language))))
            .RequireAuthorization(Policies.Monitor);

    /// <summary>The page script's shape: minutes as numbers, times as epoch milliseconds.</summary>
    public static object ToJson(GateBoardSnapshot board) => new
    {
        updatedUtc = board.UpdatedUtc,
        dayStartMs = Ms(board.DayStartUtc),
        dayEndMs = Ms(board.DayStartUtc.AddDays(1)),
        gates = board.Gates.Select(g => new
        {
            gate = g.Gate,
            name = g.Name,
            vehicles = g.Vehicles,
            zones = g.Zones.Select(z => new
            {
                zone = z.Zone,
                kind = z.Kind,
                vehicles = z.Vehicles,
                dwellMedianMin = Minutes(z.DwellMedian),
                dwellP90Min = Minutes(z.DwellP90),
                trend = z.Trend.Select(s => new[] { Ms(s.MinuteUtc), s.Vehicles }),
            }),
        }),
    };

    private static double? Minutes(TimeSpan? span) => span is { } s ? Math.Round(s.TotalMinutes, 1) : null;

    private static long Ms(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
