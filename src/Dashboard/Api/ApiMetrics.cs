using System.Diagnostics.Metrics;

namespace Telematics.Dashboard.Api;

/// <summary>
/// The agency API's meter <c>Telematics.Dashboard.Api</c>: requests per agency and outcome
/// (served, forbidden, rate-limited), so that a department can see who uses the API and how.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Telematics.Dashboard.Api";

    public const string Served = "served";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate-limited";

    private readonly Counter<long> _requests;

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("telematics.dashboard.api.requests", "{request}", "Agency API requests by agency and outcome");
    }

    public void Request(string agency, string outcome) =>
        _requests.Add(1, new KeyValuePair<string, object?>("agency", agency), new KeyValuePair<string, object?>("outcome", outcome));
}
