using Microsoft.Extensions.Logging;
using Telematics.Devices.Fleet;

namespace Telematics.Devices.Commands;

/// <summary>Logs the fleet's progress every few seconds until cancelled.</summary>
internal static class FleetProgress
{
    public static async Task ReportAsync(FleetRunner fleet, ILogger logger, Func<string>? serverSide, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var stats = fleet.Stats;
                logger.LogInformation(
                    "Fleet: {Connected}/{Vehicles} vehicles connected, {Acked} records acked ({Buffered} sent late), {Errors} errors{Server}",
                    stats.Connected, fleet.Vehicles.Count, stats.RecordsAcked, stats.BufferedFlushed, stats.Errors, serverSide is null ? string.Empty : "; " + serverSide());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
