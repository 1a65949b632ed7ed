namespace Telematics.Ingest.Pipeline;

/// <summary>
/// Something downstream of the pipeline (live state, rules, the time-series sink). Called from
/// one partition task at a time per vehicle, in device-time order for that vehicle; must not
/// block for long — a slow consumer slows its partition, and that backpressure reaches the devices.
/// </summary>
public interface IPositionConsumer
{
    ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken);
}
