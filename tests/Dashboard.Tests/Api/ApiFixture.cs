using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Api;
using Telematics.Dashboard.Tests.Support;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Tests.Api;

/// <summary>
/// A dashboard with a known set of cases: 12 speeding cases of "Vận tải Hữu Nghị" on QL1, one every
/// ten minutes from 2026-11-28T01:00Z (the newest is #11 at 02:50Z; #3 is in review), and 5 route
/// deviations of "Xe khách Lạng Sơn" on 2026-11-27 from 08:00Z, hourly.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Trucks = "Vận tải Hữu Nghị";
    public const string Coaches = "Xe khách Lạng Sơn";
    public const string Corridor = "QL1 Lạng Sơn – Hữu Nghị";
    public static readonly DateTime FirstSpeeding = new(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime FirstDeviation = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);

    public DashboardFactory Factory { get; } = new();

    public ApiKeyStore Keys => Factory.Services.GetRequiredService<ApiKeyStore>();

    public async Task InitializeAsync()
    {
        var now = new DateTime(2026, 11, 28, 4, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 12; i++)
        {
            await Factory.Cases.AddAsync(Speeding(i), now);
        }

        for (var i = 0; i < 5; i++)
        {
            await Factory.Cases.AddAsync(Deviation(i), now);
        }

        await Factory.Cases.SetStatusAsync(Speeding(3).CaseId, CaseStatus.InReview, "officer-an", "checking the camera", now.AddMinutes(5));
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An anonymous client that sends a new key of <paramref name="agency"/> with <paramref name="scopes"/>.</summary>
    public HttpClient ClientWith(string agency, params string[] scopes) => ClientWithKey(Keys.Create(agency, scopes, "test").Key);

    public HttpClient ClientWithKey(string key)
    {
        var client = Factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient Bearer(string key)
    {
        var client = Factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static RaisedCase Speeding(int i) => new()
    {
        Kind = CaseKinds.Speeding,
        DeviceId = "35630704000" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Plate = $"12C-{100 + i}.45",
        VehicleClass = "truck",
        Operator = Trucks,
        DriverId = "driver-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Corridor = Corridor,
        Start = FirstSpeeding.AddMinutes(10 * i),
        End = FirstSpeeding.AddMinutes(10 * i).AddSeconds(95),
        Measured = new Dictionary<string, double> { ["maxSpeedKmh"] = 78, ["limitKmh"] = 60, ["durationS"] = 95 },
        Band = "10-20",
        LegalReference = "Decree 168/2024 Art. 6.5.đ",
        Fine = new FineRange(4_000_000, 6_000_000, 4),
        Evidence =
        [
            new EvidencePoint(FirstSpeeding.AddMinutes(10 * i), 21.8530, 106.7610, 72, 60, default),
            new EvidencePoint(FirstSpeeding.AddMinutes(10 * i).AddSeconds(45), 21.8560, 106.7650, 78, 60, default),
            new EvidencePoint(FirstSpeeding.AddMinutes(10 * i).AddSeconds(95), 21.8590, 106.7690, 70, 60, default),
        ],
    };

    public static RaisedCase Deviation(int i) => new()
    {
        Kind = CaseKinds.RouteDeviation,
        DeviceId = "8613800" + (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Plate = $"12B-{200 + i}.11",
        VehicleClass = "coach",
        Operator = Coaches,
        Start = FirstDeviation.AddHours(i),
        End = FirstDeviation.AddHours(i).AddMinutes(6),
        Measured = new Dictionary<string, double> { ["maxDistanceM"] = 820, ["durationS"] = 360 },
        LegalReference = "Decree 168/2024 Art. 20",
        Evidence = [new EvidencePoint(FirstDeviation.AddHours(i), 21.84, 106.75, 40, null, default)],
    };
}
