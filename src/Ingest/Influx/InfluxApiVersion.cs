namespace Telematics.Ingest.Influx;

/// <summary>Which write endpoint: v1 <c>/write</c> (InfluxDB 1.x, and 2.x/3.x compatibility) or v2 <c>/api/v2/write</c>.</summary>
public enum InfluxApiVersion
{
    V1,
    V2,
}
