using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Api;

namespace Telematics.Dashboard.Tests.Api;

public sealed class ApiMetricsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Requests_are_counted_per_agency_and_outcome()
    {
        var counts = new Dictionary<(string Agency, string Outcome), long>();
        using var listener = new MeterListener();
        var meterFactory = fixture.Factory.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ApiMetrics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? agency = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "agency") { agency = (string?)tag.Value; }
                if (tag.Key == "outcome") { outcome = (string?)tag.Value; }
            }

            lock (counts)
            {
                counts[(agency!, outcome!)] = counts.GetValueOrDefault((agency!, outcome!)) + value;
            }
        });
        listener.Start();
        var health = fixture.ClientWith("Sở Y tế (đo lường)", ApiScopes.PositionsRead);

        await health.GetAsync("/api/v1/positions");
        await health.GetAsync("/api/v1/positions?page=2");
        await health.GetAsync("/api/v1/cases");

        lock (counts)
        {
            Assert.Equal(2, counts.GetValueOrDefault(("Sở Y tế (đo lường)", ApiMetrics.Served)));
            Assert.Equal(1, counts.GetValueOrDefault(("Sở Y tế (đo lường)", ApiMetrics.Forbidden)));
        }
    }
}
