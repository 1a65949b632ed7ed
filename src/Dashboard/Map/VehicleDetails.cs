using Microsoft.Extensions.Options;
using Telematics.Dashboard.Fleet;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Map;

/// <summary>What the map's side panel shows of one vehicle (<c>GET /map/vehicles/{deviceId}</c>).</summary>
public sealed record VehicleDetails(
    string DeviceId,
    string? Plate,
    string? Operator,
    string? Driver,
    string? VehicleClass,
    double Lat,
    double Lon,
    double SpeedKmh,
    int Heading,
    bool? Ignition,
    DateTime Time,
    DateTime ReceivedUtc,
    string State,
    double? DrivingTodayS,
    IReadOnlyList<OpenCaseSummary> OpenCases)
{
    // Open cases listed per vehicle at most (per status).
    private const int MaxCases = 50;

    /// <summary>The panel's data, or null for a vehicle the fleet does not know.</summary>
    public static async Task<VehicleDetails?> LoadAsync(string deviceId, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IFleetView>().Vehicle(deviceId) is not { } v)
        {
            return null;
        }

        var options = services.GetRequiredService<IOptions<MapOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var cases = await OpenCasesAsync(services, deviceId, cancellationToken).ConfigureAwait(false);
        // Read now, not from the last tick: a case raised a second ago already shows.
        var inViolation = cases.Any(c => c.Start >= now - options.ViolationWindow);
        var state = MapVehicleStates.Of(v.SpeedKmh, v.ReceivedUtc, inViolation, now, options);
        var driving = DrivingToday.Of(services, deviceId, now);
        return new VehicleDetails(
            v.DeviceId,
            v.Plate,
            v.Operator,
            v.Driver,
            v.VehicleClass,
            v.Lat,
            v.Lon,
            v.SpeedKmh,
            v.Heading,
            v.Ignition,
            Utc(v.Time),
            Utc(v.ReceivedUtc),
            MapVehicleStates.Name(state),
            driving?.TotalSeconds,
            cases);
    }

    private static async Task<IReadOnlyList<OpenCaseSummary>> OpenCasesAsync(IServiceProvider services, string deviceId, CancellationToken cancellationToken)
    {
        if (services.GetService<SqliteCaseStore>() is not { } store)
        {
            return [];
        }

        var cases = new List<OpenCaseSummary>();
        foreach (var status in new[] { CaseStatus.Open, CaseStatus.InReview })
        {
            var page = await store.QueryAsync(new CaseQuery { DeviceId = deviceId, Status = status, PageSize = MaxCases }, cancellationToken).ConfigureAwait(false);
            cases.AddRange(page.Items.Select(c => new OpenCaseSummary(
                c.Id,
                c.Case.Kind,
                c.Status,
                Utc(c.Case.Start),
                Utc(c.Case.End),
                c.Case.Corridor,
                c.Case.Band,
                "/cases/" + Uri.EscapeDataString(c.Id))));
        }

        return cases.OrderByDescending(c => c.Start).ToList();
    }

    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}

/// <summary>An open (or in-review) case as the panel lists it, with the link to its page.</summary>
public sealed record OpenCaseSummary(string Id, string Kind, string Status, DateTime Start, DateTime End, string? Corridor, string? Band, string Url);
