using Telematics.Dashboard.Localization;

namespace Telematics.Dashboard.CaseReview;

/// <summary>The case review's services and endpoints: one line each in the dashboard host.</summary>
public static class CaseReviewSetup
{
    public static IServiceCollection AddCaseReview(this IServiceCollection services)
    {
        services.AddScoped(sp =>
        {
            var ui = sp.GetRequiredService<Ui>();
            return new CaseText(sp.GetRequiredService<Texts>(), ui.Language, ui.TimeZone);
        });
        services.AddSingleton<OfficerDirectory>();
        services.AddOptions<CaseNoticeOptions>().BindConfiguration(CaseNoticeOptions.Section);
        return services;
    }

    public static IEndpointRouteBuilder MapCaseReview(this IEndpointRouteBuilder endpoints)
    {
        CaseExportEndpoints.Map(endpoints);
        return endpoints;
    }
}
