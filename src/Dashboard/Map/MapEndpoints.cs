using System.Globalization;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Fleet;

namespace Telematics.Dashboard.Map;

/// <summary>
/// The live map's JSON: <c>GET /map/snapshot</c> (every vehicle, for the first paint),
/// <c>GET /map/stream</c> (server-sent deltas, see <see cref="MapStreamEndpoint"/>),
/// <c>GET /map/vehicles/{deviceId}</c> (the side panel) and
/// <c>GET /map/vehicles/{deviceId}/track?hours=N</c>. All need a signed-in account (Monitor).
/// </summary>
public static class MapEndpoints
{
    public static IEndpointRouteBuilder MapLiveMap(this IEndpointRouteBuilder endpoints)
    {
        var map = endpoints.MapGroup("/map").RequireAuthorization(Policies.Monitor);
        map.MapGet("/snapshot", SnapshotAsync);
        map.MapGet("/stream", MapStreamEndpoint.StreamAsync);
        map.MapGet("/vehicles/{deviceId}", DetailsAsync);
        map.MapGet("/vehicles/{deviceId}/track", TrackAsync);
        return endpoints;
    }

    private static async Task<IResult> SnapshotAsync(MapFeed feed, OpenCaseIndex violations, HttpContext http)
    {
        // Current, not up to one tick old: the page's first paint is also what tests read.
        await violations.RefreshAsync(http.RequestAborted).ConfigureAwait(false);
        feed.Tick();
        http.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(feed.Snapshot().Json, "application/json");
    }

    private static async Task<IResult> DetailsAsync(string deviceId, IServiceProvider services, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return await VehicleDetails.LoadAsync(deviceId, services, http.RequestAborted).ConfigureAwait(false) is { } details
            ? Results.Ok(details)
            : Results.NotFound(new { error = $"no vehicle with device {deviceId}" });
    }

    private static async Task<IResult> TrackAsync(string deviceId, string? hours, IFleetView fleet, MapTrackSource source, TimeProvider time, IOptions<MapOptions> options, HttpContext http)
    {
        var max = options.Value.MaxTrackHours;
        var span = 3.0;
        if (hours is not null && (!double.TryParse(hours, NumberStyles.Float, CultureInfo.InvariantCulture, out span) || !double.IsFinite(span) || span <= 0 || span > max))
        {
            return Results.BadRequest(new { error = $"hours must be a number above 0 and at most {max}" });
        }

        if (fleet.Vehicle(deviceId) is null)
        {
            return Results.NotFound(new { error = $"no vehicle with device {deviceId}" });
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await source.TrackAsync(deviceId, now - TimeSpan.FromHours(span), now, http.RequestAborted).ConfigureAwait(false) is not { } track)
        {
            return Results.Json(new { error = "no track source: InfluxDB is disabled or unreachable and this dashboard keeps no tracks in memory" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new
        {
            deviceId,
            source = track.Source,
            from = track.FromUtc,
            to = now,
            points = track.Points.Select(p => new { time = p.Time, lat = p.Lat, lon = p.Lon, speedKmh = p.SpeedKmh }),
        });
    }
}
