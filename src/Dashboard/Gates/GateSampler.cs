using Microsoft.Extensions.Options;
using Telematics.Dashboard.Fleet;

namespace Telematics.Dashboard.Gates;

/// <summary>
/// Records the gate figures every minute into the day's trend ring and the dashboard's database;
/// at start, reloads today's minutes from the database so that a restart keeps the day.
/// </summary>
public sealed partial class GateSampler(IFleetView fleet, GateTrend trend, GateSampleStore store, IOptions<GateTrendOptions> options, TimeProvider time, ILogger<GateSampler> logger) : BackgroundService
{
    private DateOnly _prunedOn;

    /// <summary>Records the figures of now's minute (once per minute: a second call in the same minute adds nothing).</summary>
    public void Sample(DateTime nowUtc)
    {
        var minute = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        var figures = fleet.Gates();
        trend.Record(minute, figures);
        store.Add(minute, figures);
        var today = DateOnly.FromDateTime(trend.DayStartUtc(nowUtc));
        if (today != _prunedOn)
        {
            _prunedOn = today;
            store.Prune(trend.DayStartUtc(nowUtc).AddDays(-options.Value.GateSampleDays));
        }
    }

    /// <summary>Puts today's recorded minutes back into the ring.</summary>
    public void Restore(DateTime nowUtc)
    {
        foreach (var (minute, figures) in store.Since(trend.DayStartUtc(nowUtc)))
        {
            trend.Record(minute, figures);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.GateSampleInterval;
        Restore(time.GetUtcNow().UtcDateTime);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                Sample(time.GetUtcNow().UtcDateTime);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                LogSampleFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gate figures not recorded for the trend: {Reason}")]
    private partial void LogSampleFailed(string reason);
}
