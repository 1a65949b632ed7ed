using System.Globalization;
using System.Text;

namespace Telematics.Ingest.Metrics;

/// <summary>The ingest totals in Prometheus' text exposition format, for GET /metrics.</summary>
public static class MetricsText
{
    public static string Render(IngestMetrics metrics, int vehicles, int queued)
    {
        var sb = new StringBuilder();
        Line(sb, "telematics_ingest_connections_active", metrics.ActiveConnections);
        Line(sb, "telematics_ingest_frames_total", metrics.FramesTotal);
        Line(sb, "telematics_ingest_records_total", metrics.RecordsTotal);
        Line(sb, "telematics_ingest_records_delivered_total", metrics.DeliveredTotal);
        Line(sb, "telematics_ingest_vehicles_live", vehicles);
        Line(sb, "telematics_ingest_queued", queued);
        foreach (var (reason, count) in metrics.BadFramesByReason.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Line(sb, $"telematics_ingest_frames_bad_total{{reason=\"{Escape(reason)}\"}}", count);
        }

        foreach (var (reason, count) in metrics.DroppedByReason.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Line(sb, $"telematics_ingest_records_dropped_total{{reason=\"{Escape(reason)}\"}}", count);
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string name, long value) =>
        sb.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
