using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Api;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Api;

public sealed class ApiRateLimitTests : IDisposable
{
    // Three requests a minute: the bucket refills one token every 20 s, far longer than the test.
    private readonly DashboardFactory _factory = new(("Telematics:Dashboard:Api:RequestsPerMinute", "3"));

    [Fact]
    public async Task The_request_over_the_limit_gets_429_with_Retry_After_and_other_keys_are_not_affected()
    {
        var keys = _factory.Services.GetRequiredService<ApiKeyStore>();
        var police = _factory.Anonymous();
        police.DefaultRequestHeaders.Add("X-Api-Key", keys.Create("Công an", [ApiScopes.CasesRead], "test").Key);
        var finance = _factory.Anonymous();
        finance.DefaultRequestHeaders.Add("X-Api-Key", keys.Create("Cục Thuế", [ApiScopes.CasesRead], "test").Key);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await police.GetAsync("/api/v1/cases")).StatusCode);
        }

        var refused = await police.GetAsync("/api/v1/cases");
        var other = await finance.GetAsync("/api/v1/cases");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 20);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("this API key is limited to 3 requests a minute", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
