using Telematics.Rules.Cases;

namespace Telematics.Ingest.Violations;

/// <summary>
/// Told of every case the rules store for the first time (a replayed episode, already stored, is
/// not told again). Called on the vehicle's partition: must not block (e.g. InfluxDB's
/// "violation" points only go into the writer's current batch).
/// </summary>
public interface ICaseObserver
{
    void OnCaseStored(RaisedCase raised);
}
