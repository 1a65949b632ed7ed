using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Influx.Delivery;
using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Influx.Queries;
using Telematics.Ingest.Influx.Spool;
using Telematics.Ingest.Pipeline;

namespace Telematics.Ingest.Influx;

/// <summary>Registers the InfluxDB sink ("Telematics:Influx"); nothing at all when Enabled is false.</summary>
public static class InfluxRegistration
{
    /// <summary>
    /// Call before the pipeline's hosted service is added: hosted services stop in reverse order,
    /// so the writer stops (flushing or spooling) after the pipeline has drained into it.
    /// </summary>
    public static WebApplicationBuilder AddTelematicsInflux(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<InfluxOptions>(builder.Configuration.GetSection(InfluxOptions.Section));
        if (!builder.Configuration.GetSection(InfluxOptions.Section).GetValue(nameof(InfluxOptions.Enabled), true))
        {
            return builder;
        }

        services.AddSingleton(sp => new InfluxHttpClient(sp.GetRequiredService<IOptions<InfluxOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            return new DiskSpool(options.SpoolDirectory, options.SpoolQuotaBytes, sp.GetRequiredService<ILoggerFactory>().CreateLogger<DiskSpool>());
        });
        services.AddSingleton(sp => new InfluxMetrics(
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
            () => sp.GetRequiredService<DiskSpool>().TotalBytes));
        services.AddSingleton(sp => new DeadLetterFile(sp.GetRequiredService<IOptions<InfluxOptions>>().Value.DeadLetterPath));
        services.AddSingleton(sp => new InfluxWriter(
            sp.GetRequiredService<IOptions<InfluxOptions>>().Value,
            sp.GetRequiredService<InfluxHttpClient>(),
            sp.GetRequiredService<DiskSpool>(),
            sp.GetRequiredService<DeadLetterFile>(),
            sp.GetRequiredService<InfluxMetrics>(),
            sp.GetRequiredService<ILogger<InfluxWriter>>()));
        services.AddSingleton<IPositionConsumer>(sp => new InfluxPositionSink(sp.GetRequiredService<InfluxWriter>()));
        services.AddSingleton<Violations.ICaseObserver>(sp => new InfluxViolationSink(sp.GetRequiredService<InfluxWriter>()));
        services.AddSingleton<Transport.IDeviceEventObserver>(sp => new InfluxDeviceEventSink(sp.GetRequiredService<InfluxWriter>()));
        services.AddSingleton(sp => new InfluxQueries(sp.GetRequiredService<InfluxHttpClient>(), sp.GetRequiredService<IOptions<InfluxOptions>>().Value));
        services.AddHostedService(sp => sp.GetRequiredService<InfluxWriter>());
        return builder;
    }
}
