using Telematics.Ingest.Influx.Delivery;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Violations;
using Telematics.Rules.Cases;

namespace Telematics.Ingest.Influx;

/// <summary>Every newly stored case as a point of the "violation" measurement, at the episode's start.</summary>
public sealed class InfluxViolationSink(InfluxWriter writer) : ICaseObserver
{
    public void OnCaseStored(RaisedCase raised) =>
        writer.WriteViolation(new ViolationPoint(
            raised.Start,
            raised.Kind,
            raised.Plate ?? raised.DeviceId,
            raised.Operator,
            raised.Corridor,
            raised.CaseId,
            [.. raised.Measured],
            raised.DeviceId));
}
