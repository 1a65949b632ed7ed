using System.Globalization;
using System.Text;

namespace Telematics.Ingest.Influx;

/// <summary>The InfluxDB sink's totals in Prometheus' text format, appended to GET /metrics (nothing when the sink is off).</summary>
public static class InfluxMetricsText
{
    public static string Render(InfluxMetrics? metrics, InfluxWriterState? state = null)
    {
        if (metrics is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        Line(sb, "telematics_influx_points_written_total", metrics.PointsWritten);
        Line(sb, "telematics_influx_batches_written_total", metrics.BatchesWritten);
        Line(sb, "telematics_influx_retries_total", metrics.Retries);
        Line(sb, "telematics_influx_spool_batches_total", metrics.SpooledBatches);
        Line(sb, "telematics_influx_spool_bytes_total", metrics.SpooledBytes);
        Line(sb, "telematics_influx_spool_replayed_total", metrics.ReplayedBatches);
        Line(sb, "telematics_influx_dead_letters_total", metrics.DeadLetters);
        Line(sb, "telematics_influx_spool_quota_alarms_total", metrics.QuotaAlarms);
        Line(sb, "telematics_influx_spool_quota_dropped_points_total", metrics.QuotaDroppedPoints);
        if (state is { } s)
        {
            Line(sb, "telematics_influx_up", s.Healthy ? 1 : 0);
            Line(sb, "telematics_influx_spool_pending_batches", s.PendingBatches);
            Line(sb, "telematics_influx_spool_size_bytes", s.SpoolBytes);
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, long value) =>
        sb.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
