using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Pipeline;

namespace Telematics.Ingest.Hosting;

/// <summary>A progress line every few seconds while records flow: what an operator watches in the log.</summary>
public sealed partial class IngestStatsReporter(IngestMetrics metrics, LiveFleetState fleet, IngestPipeline pipeline, ILogger<IngestStatsReporter> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        long lastRecords = 0;
        long lastBad = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var records = metrics.RecordsTotal;
                var bad = metrics.BadFramesTotal;
                if (records == lastRecords && bad == lastBad)
                {
                    continue;
                }

                var dropped = metrics.DroppedByReason.Values.Sum();
                LogStats(metrics.ActiveConnections, records, (records - lastRecords) / Interval.TotalSeconds, fleet.VehicleCount, dropped, bad, pipeline.QueuedCount);
                lastRecords = records;
                lastBad = bad;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest: {Connections} connections, {Records} records ({RecordsPerSecond:F0}/s), {Vehicles} vehicles live, {Dropped} dropped by filters, {BadFrames} bad frames, {Queued} queued")]
    private partial void LogStats(long connections, long records, double recordsPerSecond, int vehicles, long dropped, long badFrames, int queued);
}
