namespace Telematics.Ingest.Influx;

/// <summary>A snapshot of the sink for /metrics: InfluxDB answering, and what waits in the spool.</summary>
public readonly record struct InfluxWriterState(bool Healthy, int PendingBatches, long SpoolBytes)
{
    public static InfluxWriterState? Of(Delivery.InfluxWriter? writer) =>
        writer is null ? null : new InfluxWriterState(writer.IsHealthy, writer.Spool.PendingBatches, writer.Spool.TotalBytes);
}
