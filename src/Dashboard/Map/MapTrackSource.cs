using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Influx.Queries;

namespace Telematics.Dashboard.Map;

/// <summary>
/// Where a vehicle's track comes from: InfluxDB when it is enabled (downsampled to at most about
/// 1,500 points), else — or when InfluxDB cannot answer — the in-memory recent tracks of the
/// all-in-one mode.
/// </summary>
public sealed partial class MapTrackSource(IServiceProvider services, ILogger<MapTrackSource> logger)
{
    private const int MaxPoints = 1500;

    /// <summary>The track, or null when no source can give one (standalone without InfluxDB, or InfluxDB down and no memory).</summary>
    public async Task<MapTrack?> TrackAsync(string deviceId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        if (services.GetService<InfluxQueries>() is { } influx)
        {
            try
            {
                var downsample = TimeSpan.FromSeconds(Math.Max(5, Math.Ceiling((toUtc - fromUtc).TotalSeconds / MaxPoints)));
                var points = await influx.TrackAsync(new TrackQuery { Device = deviceId, From = fromUtc, To = toUtc, Downsample = downsample }, cancellationToken).ConfigureAwait(false);
                return new MapTrack("influx", fromUtc, points.Select(p => new MapTrackPoint(p.Time, p.Lat, p.Lon, p.SpeedKmh)).ToList());
            }
            catch (Exception ex) when (ex is HttpRequestException or InfluxQueryException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                LogInfluxFailed(deviceId, ex.Message);
            }
        }

        if (services.GetService<RecentTrackBuffer>() is { } memory)
        {
            var from = fromUtc > toUtc - memory.Retention ? fromUtc : toUtc - memory.Retention;
            return new MapTrack("memory", from, memory.Track(deviceId, from));
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Track of {DeviceId} not read from InfluxDB, using the in-memory track if any: {Reason}")]
    private partial void LogInfluxFailed(string deviceId, string reason);
}

/// <summary>A track and where it came from ("influx" or "memory"); <see cref="FromUtc"/> is how far back it can reach.</summary>
public sealed record MapTrack(string Source, DateTime FromUtc, IReadOnlyList<MapTrackPoint> Points);
