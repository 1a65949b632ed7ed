using Telematics.Dashboard.Hosting;
using Telematics.Ingest.Pipeline;

namespace Telematics.Dashboard.Map;

/// <summary>The live map's services: its feed and ticker, the open-case index, the track sources.</summary>
public static class MapSetup
{
    public static IServiceCollection AddLiveMap(this IServiceCollection services, IConfiguration configuration, DashboardOptions dashboard)
    {
        var section = configuration.GetSection(MapOptions.Section);
        services.Configure<MapOptions>(section);
        services.AddSingleton<OpenCaseIndex>();
        services.AddSingleton<MapFeed>();
        services.AddSingleton<MapTrackSource>();
        services.AddHostedService<MapFeedService>();
        if (dashboard.Mode == DashboardMode.AllInOne && (section.Get<MapOptions>() ?? new MapOptions()).MemoryTracks)
        {
            // Registered before the pipeline is built (it takes its consumers when first resolved).
            services.AddSingleton<RecentTrackBuffer>();
            services.AddSingleton<IPositionConsumer>(sp => sp.GetRequiredService<RecentTrackBuffer>());
        }

        return services;
    }
}
