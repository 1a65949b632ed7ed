using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Accounts;

/// <summary>Sessions end after 30 minutes without a request, and 12 hours after sign-in however active.</summary>
public sealed class SessionExpiryTests : IDisposable
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly DashboardFactory _factory;

    public SessionExpiryTests() =>
        _factory = new DashboardFactory(("Telematics:Dashboard:SessionIdleTimeout", "00:30:00"), ("Telematics:Dashboard:SessionLifetime", "12:00:00"))
        {
            ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock),
        };

    [Fact]
    public async Task A_session_idle_for_longer_than_the_timeout_ends()
    {
        var client = await _factory.SignedInAsync(Roles.Officer);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task An_active_session_ends_at_its_lifetime()
    {
        var client = await _factory.SignedInAsync(Roles.Officer);
        // A request every 20 minutes (never idle for long) until 11 h 40 min after sign-in.
        for (var step = 0; step < 35; step++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/profile")).StatusCode);
        }

        // 21 minutes later: not idle for 30 minutes, but 12 h 01 min after sign-in.
        _clock.Advance(TimeSpan.FromMinutes(21));

        var response = await client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
