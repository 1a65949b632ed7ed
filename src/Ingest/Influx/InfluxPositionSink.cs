using Telematics.Ingest.Influx.Delivery;
using Telematics.Ingest.Pipeline;

namespace Telematics.Ingest.Influx;

/// <summary>
/// The pipeline consumer that turns every position into a line of the "position" measurement.
/// It only renders the line into the current batch (a short lock, no allocation): delivery,
/// retries and the spool happen in <see cref="InfluxWriter"/>, so InfluxDB never slows ingest.
/// </summary>
public sealed class InfluxPositionSink(InfluxWriter writer) : IPositionConsumer
{
    public ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken)
    {
        writer.Write(position.Record, position.Vehicle, position.Late);
        return ValueTask.CompletedTask;
    }
}
