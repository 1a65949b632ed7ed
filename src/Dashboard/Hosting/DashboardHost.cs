using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.CaseReview;
using Telematics.Dashboard.Devices;
using Telematics.Dashboard.Api;
using Telematics.Dashboard.Fleet;
using Telematics.Dashboard.Gates;
using Telematics.Dashboard.Localization;
using Telematics.Dashboard.Reports;
using Telematics.Dashboard.Map;
using Telematics.Dashboard.Storage;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Hosting;
using Telematics.Ingest.Transport;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Hosting;

/// <summary>
/// Builds the dashboard: in the all-in-one mode (the default) with the ingest worker and the
/// simulated fleet in the same process; in the standalone mode reading the shared stores of
/// workers that run elsewhere. Configuration: appsettings.json (the worker's defaults),
/// Telematics__* environment variables and --Telematics:Key=value arguments.
/// </summary>
public static class DashboardHost
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The static assets manifest is named after the dashboard, also when a test process hosts it.
            ApplicationName = typeof(DashboardHost).Assembly.GetName().Name,
            ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });

        // Scripts and styles come from the source tree after a build and from wwwroot after a publish.
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        var options = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();

        // A misspelt time zone stops the start with its name, instead of failing every page later.
        TimeZones.Find(options.TimeZone);
        if (options.Mode == DashboardMode.AllInOne)
        {
            AddWorker(builder, options);
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Routing.MatcherPolicy, WorkerPortMatcherPolicy>());
        }
        else
        {
            AddStandalone(builder);
        }

        AddDashboard(builder, options);
        configure?.Invoke(builder);
        var app = builder.Build();
        if (options.Mode == DashboardMode.AllInOne)
        {
            // The worker's endpoints (/healthz, /metrics, /live, /gates, /devices) answer on its own
            // port (8081) only, and the dashboard's on the others: WorkerPortMatcherPolicy tells them apart.
            app.MapTelematicsIngestEndpoints().WithMetadata(WorkerPortMatcherPolicy.WorkerEndpoint);
            app.LogTelematicsListeners();
        }

        MapDashboard(app, options);
        return app;
    }

    private static void AddWorker(WebApplicationBuilder builder, DashboardOptions options)
    {
        if (options.Simulator.Vehicles > 0)
        {
            // The simulated fleet's registry replaces the configured one, so that its vehicles have plates and operators.
            var registry = Path.GetFullPath(options.Simulator.Registry);
            using var logs = LoggerFactory.Create(_ => { });
            DemoFleetService.WriteRegistry(options.Simulator, registry, logs.CreateLogger("Telematics.Dashboard"));
            builder.Configuration["Telematics:Registry:Path"] = registry;
            builder.Services.AddHostedService(sp => new DemoFleetService(
                options.Simulator,
                sp.GetRequiredService<DeviceListeners>(),
                sp.GetRequiredService<IHostApplicationLifetime>(),
                sp.GetRequiredService<ILogger<DemoFleetService>>()));
        }

        builder.AddTelematicsIngest();
        builder.Services.AddSingleton<IFleetView, InProcessFleetView>();
    }

    private static void AddStandalone(WebApplicationBuilder builder)
    {
        builder.Services.Configure<CaseStoreOptions>(builder.Configuration.GetSection(CaseStoreOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new SqliteCaseStore(
            sp.GetRequiredService<IOptions<CaseStoreOptions>>().Value.Database,
            sp.GetRequiredService<ILogger<SqliteCaseStore>>()));
        // One instance both polls (hosted) and answers (IFleetView); a typed HttpClient would be transient.
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(sp => new RemoteFleetView(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(RemoteFleetView)),
            sp.GetRequiredService<IOptions<DashboardOptions>>(),
            sp.GetRequiredService<ILogger<RemoteFleetView>>()));
        builder.Services.AddSingleton<IFleetView>(sp => sp.GetRequiredService<RemoteFleetView>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RemoteFleetView>());
    }

    private static void AddDashboard(WebApplicationBuilder builder, DashboardOptions options)
    {
        var services = builder.Services;
        services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
        services.Configure<Telematics.Ingest.Violations.RulesOptions>(builder.Configuration.GetSection(Telematics.Ingest.Violations.RulesOptions.Section));
        services.AddSingleton(sp => new DashboardDatabase(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.Database));
        services.AddHttpContextAccessor();

        // Session cookies and anti-forgery tokens are protected with keys kept next to the dashboard
        // database, so that sessions survive a restart and two dashboards never share keys by accident.
        var keys = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Database))!, "dashboard-keys");
        services.AddDataProtection().SetApplicationName("telematics-dashboard").PersistKeysToFileSystem(new DirectoryInfo(keys));
        // Vietnamese text is written as is, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Texts>();
        services.AddScoped<Ui>();
        services.AddDashboardAccounts();
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/", Policies.Monitor);
            pages.Conventions.AllowAnonymousToFolder("/Account");
            pages.Conventions.AllowAnonymousToPage("/Status");
        });

        // Features register themselves here, one line each.
        services.AddCaseReview();
        services.AddAgencyApi(builder.Configuration);
        var listener = new DashboardListener();
        services.AddSingleton(listener);
        services.AddGateQueues();
        services.AddMonthlyReports();
        services.AddDeviceMonitoring();
        services.AddLiveMap(builder.Configuration, options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.Port >= 0)
            {
                kestrel.Listen(IPAddress.Parse(options.BindAddress), options.Port, lo => listener.Options = lo);
            }
        });
    }

    private static void MapDashboard(WebApplication app, DashboardOptions options)
    {
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorPages();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok", mode = options.Mode == DashboardMode.AllInOne ? "all-in-one" : "standalone" })).AllowAnonymous();
        app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(Ui.LanguageCookie, code == "en" ? "en" : "vi", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<DashboardListener>().Port is { } port)
            {
                app.Logger.LogInformation("Dashboard: http://localhost:{Port}/ ({Mode})", port, options.Mode);
            }
        });

        // Features map their endpoints here, one line each.
        app.MapScenario();
        app.MapCaseReview();
        app.MapGateQueues();
        app.MapMonthlyReports();
        app.MapLiveMap();
        app.MapAgencyApi();
    }
}
