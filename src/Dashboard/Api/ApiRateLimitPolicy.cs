using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Telematics.Dashboard.Api;

/// <summary>
/// A token bucket per API key (<see cref="ApiOptions.RequestsPerMinute"/>, refilled evenly): one
/// agency's busy script cannot starve the others or the dashboard. A refused request gets 429
/// with Retry-After; each refused key is logged once per minute, not once per request.
/// Runs after authorization, so the partition is the authenticated key.
/// </summary>
public sealed partial class ApiRateLimitPolicy(
    IOptionsMonitor<ApiOptions> options,
    ApiMetrics metrics,
    TimeProvider time,
    ILogger<ApiRateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public const string Name = "agency-api";

    private static readonly TimeSpan LogWindow = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTime> _quietUntil = new(StringComparer.Ordinal);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var keyId = httpContext.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim);
        if (keyId is null)
        {
            // Unreachable for API endpoints (authorization answered 401 first); no bucket to charge.
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var perMinute = Math.Max(1, options.CurrentValue.RequestsPerMinute);
        // The limit is part of the partition so that a changed setting takes effect without a restart.
        return RateLimitPartition.GetTokenBucketLimiter(keyId + "/" + perMinute.ToString(CultureInfo.InvariantCulture), _ => Bucket(perMinute));
    }

    /// <summary>Full bucket = one minute's requests; refilled every second (or, below 60 a minute, one token at a time).</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute >= 60 ? (perMinute + 59) / 60 : 1,
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var agency = http.User.Identity?.Name ?? "unknown";
        var keyId = http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? "?";
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        metrics.Request(agency, ApiMetrics.RateLimited);
        var now = time.GetUtcNow().UtcDateTime;
        if (!_quietUntil.TryGetValue(keyId, out var until) || now >= until)
        {
            _quietUntil[keyId] = now + LogWindow;
            LogRejected(agency, keyId, options.CurrentValue.RequestsPerMinute);
        }

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(
            http,
            StatusCodes.Status429TooManyRequests,
            "Too many requests",
            $"this API key is limited to {options.CurrentValue.RequestsPerMinute} requests a minute; retry after {seconds} s").ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key {KeyId} of {Agency} is over its limit of {PerMinute} requests a minute: requests refused with 429 (logged once a minute)")]
    private partial void LogRejected(string agency, string keyId, int perMinute);
}
