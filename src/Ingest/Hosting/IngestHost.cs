using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Influx;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Mqtt;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Transport;
using Telematics.Ingest.Violations;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Reports;

namespace Telematics.Ingest.Hosting;

/// <summary>
/// Wires the ingest worker into a web host: device listeners as Kestrel connection handlers
/// (one port per protocol), the pipeline and its consumers, the registry, and the HTTP port
/// for health and metrics. The dashboard's all-in-one mode and the demo reuse it.
/// </summary>
public static class IngestHost
{
    private const string WorkerHttpConnection = "telematics.worker-http";

    /// <summary>Creates the worker's host from command-line arguments, appsettings.json and Telematics__* environment variables.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddTelematicsIngest();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapTelematicsIngest();
        return app;
    }

    public static WebApplicationBuilder AddTelematicsIngest(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<IngestOptions>(builder.Configuration.GetSection(IngestOptions.Section));
        services.Configure<IngestLimits>(builder.Configuration.GetSection(IngestLimits.Section));
        services.Configure<RegistryOptions>(builder.Configuration.GetSection(RegistryOptions.Section));
        services.Configure<PipelineOptions>(builder.Configuration.GetSection(PipelineOptions.Section));
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new IngestMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<LiveFleetState>();
        services.AddSingleton<IPositionConsumer>(sp => sp.GetRequiredService<LiveFleetState>());
        services.AddSingleton(sp => new IngestPipeline(
            sp.GetRequiredService<IOptions<PipelineOptions>>(),
            sp.GetServices<IPositionConsumer>(),
            sp.GetRequiredService<IngestMetrics>(),
            sp.GetRequiredService<ILogger<IngestPipeline>>(),
            sp.GetRequiredService<DeviceRegistry>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DeviceListeners>();
        services.AddSingleton(sp => new DeviceActivity(sp.GetRequiredService<TimeProvider>(), sp.GetServices<IDeviceEventObserver>()));
        AddRules(builder);
        builder.AddDistanceLedger();

        // Time series in InfluxDB: a pipeline consumer whose writer stops after the pipeline drained.
        builder.AddTelematicsInflux();

        // Order matters on shutdown (reverse): listeners stop first, then the pipeline drains.
        services.AddHostedService(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddHostedService<RegistryWatcher>();
        services.AddHostedService<IngestStatsReporter>();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var sp = kestrel.ApplicationServices;
            var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            var limits = sp.GetRequiredService<IOptions<IngestLimits>>().Value;
            var listeners = sp.GetRequiredService<DeviceListeners>();
            var address = IPAddress.Parse(options.BindAddress);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Telematics.Ingest.Listeners");
            foreach (var protocol in ProtocolCatalog.All)
            {
                var listen = options.Listeners.GetValueOrDefault(protocol.Name) ?? new ListenerOptions();
                if (!listen.Enabled)
                {
                    logger.LogInformation("{Protocol} listener disabled", protocol.Name);
                    continue;
                }

                var handler = new DeviceConnectionHandler(
                    protocol,
                    limits,
                    listen.MaxConnections ?? limits.MaxConnections,
                    sp.GetRequiredService<IngestPipeline>(),
                    sp.GetRequiredService<DeviceRegistry>(),
                    sp.GetRequiredService<IngestMetrics>(),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger<DeviceConnectionHandler>(),
                    sp.GetRequiredService<DeviceActivity>());
                kestrel.Listen(address, listen.Port ?? protocol.DefaultPort, lo =>
                {
                    lo.Run(handler.OnConnectedAsync);
                    listeners.Add(handler, lo);
                });
            }

            if (options.HttpPort >= 0)
            {
                // Tagged, so that a host serving other pages too (the all-in-one dashboard) can keep the worker's endpoints on this port.
                kestrel.Listen(IPAddress.Loopback, options.HttpPort, lo =>
                {
                    listeners.Http = lo;
                    lo.Use(next => connection =>
                    {
                        connection.Items[WorkerHttpConnection] = true;
                        return next(connection);
                    });
                });
            }
        });
        builder.AddTelematicsMqtt();
        return builder;
    }

    /// <summary>
    /// The rules on the pipeline, the case store and the gate board. The rules consumer is a hosted
    /// service registered before the pipeline: it restores rule state before records flow and saves
    /// it after the pipeline has drained.
    /// </summary>
    private static void AddRules(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RulesOptions>(builder.Configuration.GetSection(RulesOptions.Section));
        services.Configure<CaseStoreOptions>(builder.Configuration.GetSection(CaseStoreOptions.Section));
        if (!(builder.Configuration.GetValue<bool?>(RulesOptions.Section + ":Enabled") ?? true))
        {
            return;
        }

        services.AddSingleton(sp => new SqliteCaseStore(
            sp.GetRequiredService<IOptions<CaseStoreOptions>>().Value.Database,
            sp.GetRequiredService<ILogger<SqliteCaseStore>>()));
        services.AddSingleton<ScenarioSource>();
        services.AddHostedService(sp => sp.GetRequiredService<ScenarioSource>());
        services.AddSingleton<GateBoard>();
        services.AddSingleton(sp => new RulesConsumer(
            sp.GetRequiredService<ScenarioSource>(),
            sp.GetRequiredService<SqliteCaseStore>(),
            sp.GetRequiredService<GateBoard>(),
            sp.GetRequiredService<IOptions<RulesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RulesConsumer>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetServices<ICaseObserver>()));
        services.AddSingleton<IPositionConsumer>(sp => sp.GetRequiredService<RulesConsumer>());
        services.AddHostedService(sp => sp.GetRequiredService<RulesConsumer>());
    }

    /// <summary>Maps the worker's HTTP endpoints on every port and logs the listeners once started.</summary>
    public static WebApplication MapTelematicsIngest(this WebApplication app)
    {
        app.MapTelematicsIngestEndpoints();
        return app.LogTelematicsListeners();
    }

    /// <summary>True for a request on the worker's own HTTP port (Telematics:HttpPort), whatever else the host serves.</summary>
    public static bool IsWorkerHttpConnection(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(WorkerHttpConnection) == true;

    /// <summary>/healthz, /metrics, /live, /gates and /devices: what operators and a standalone dashboard read from a worker.</summary>
    public static RouteGroupBuilder MapTelematicsIngestEndpoints(this IEndpointRouteBuilder routes)
    {
        // One group, so that a host serving more (the all-in-one dashboard) can tag all of them at once.
        var endpoints = routes.MapGroup(string.Empty);
        endpoints.MapGet("/healthz", (DeviceListeners listeners) => Results.Ok(new
        {
            status = "ok",
            listeners = listeners.Handlers.Select(h => new { protocol = h.Protocol, port = listeners.PortOf(h.Protocol), connections = h.OpenConnections }),
        }));
        endpoints.MapGet("/metrics", (IngestMetrics metrics, LiveFleetState fleet, IngestPipeline pipeline, IServiceProvider services) =>
            Results.Text(
                MetricsText.Render(metrics, fleet.VehicleCount, pipeline.QueuedCount)
                    + InfluxMetricsText.Render(services.GetService<InfluxMetrics>(), InfluxWriterState.Of(services.GetService<Influx.Delivery.InfluxWriter>())),
                "text/plain; version=0.0.4"));
        endpoints.MapGet("/live", (LiveFleetState fleet) => Results.Ok(fleet.Vehicles.Select(v => new
        {
            deviceId = v.Last.DeviceId,
            plate = v.Vehicle?.Plate,
            @operator = v.Vehicle?.Operator,
            driver = v.Last.DriverId ?? v.Vehicle?.Driver,
            vehicleClass = v.Vehicle is { } entry ? Rules.Vehicles.VehicleClassNames.ToName(entry.VehicleClass) : null,
            time = v.Last.Time,
            lat = v.Last.Lat,
            lon = v.Last.Lon,
            speedKmh = v.Last.SpeedKmh,
            heading = v.Last.Heading,
            ignition = v.Last.Ignition,
            receivedUtc = v.ReceivedUtc,
        })));
        endpoints.MapGet("/gates", (IServiceProvider services) =>
            services.GetService<GateBoard>() is { } gates
                ? Results.Ok(gates.Snapshot().Select(z => new
                {
                    zone = z.Zone,
                    gate = z.Gate,
                    kind = z.Kind,
                    vehicles = z.Vehicles,
                    dwellMedianS = z.DwellMedian?.TotalSeconds,
                    dwellP90S = z.DwellP90?.TotalSeconds,
                }))
                : Results.NotFound(new { error = "the rules are disabled (Telematics:Rules:Enabled=false)" }));
        endpoints.MapGet("/devices", (DeviceRegistry registry, DeviceActivity activity, LiveFleetState fleet) => Results.Ok(DeviceDirectory.List(registry, activity, fleet)));
        return endpoints;
    }

    /// <summary>Logs each device listener's port once the host has started.</summary>
    public static WebApplication LogTelematicsListeners(this WebApplication app)
    {
        app.MapTelematicsMqtt();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var listeners = app.Services.GetRequiredService<DeviceListeners>();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Telematics.Ingest.Listeners");
            foreach (var handler in listeners.Handlers)
            {
                logger.LogInformation("{Protocol} devices: listening on port {Port}", handler.Protocol, listeners.PortOf(handler.Protocol));
            }
        });
        return app;
    }
}
