using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Pipeline;

namespace Telematics.Ingest.Reports;

public static class DistanceLedgerRegistration
{
    /// <summary>
    /// The kilometres-driven ledger on the pipeline, writing to the case store's file. Call before
    /// the pipeline's hosted service is added: hosted services stop in reverse order, so the ledger
    /// flushes after the pipeline drained.
    /// </summary>
    public static WebApplicationBuilder AddDistanceLedger(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DistanceLedgerOptions>(builder.Configuration.GetSection(DistanceLedgerOptions.Section));
        services.AddSingleton(sp => new DistanceDailyStore(sp.GetRequiredService<IOptions<CaseStoreOptions>>().Value.Database));
        services.AddSingleton<DistanceLedger>();
        services.AddSingleton<IPositionConsumer>(sp => sp.GetRequiredService<DistanceLedger>());
        services.AddHostedService(sp => sp.GetRequiredService<DistanceLedger>());
        return builder;
    }
}
