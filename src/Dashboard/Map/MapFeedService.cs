using Microsoft.Extensions.Options;

namespace Telematics.Dashboard.Map;

/// <summary>Drives the live map: a tick every <see cref="MapOptions.TickInterval"/>, the vehicles in violation re-read every <see cref="MapOptions.ViolationRefresh"/>.</summary>
public sealed partial class MapFeedService(MapFeed feed, OpenCaseIndex violations, IOptions<MapOptions> options, TimeProvider time, ILogger<MapFeedService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(TickAsync(stoppingToken), RefreshViolationsAsync(stoppingToken));

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    feed.Tick();
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
                {
                    // One bad tick must not stop the map; the next one compares again.
                    LogTickFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RefreshViolationsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ViolationRefresh, time);
        try
        {
            do
            {
                await violations.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Live map tick failed")]
    private partial void LogTickFailed(Exception ex);
}
