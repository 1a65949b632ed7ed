namespace Telematics.Ingest.Influx.Http;

/// <summary>InfluxDB refused a query (bad InfluxQL, unknown database, auth) and said why.</summary>
public sealed class InfluxQueryException : Exception
{
    public InfluxQueryException()
    {
    }

    public InfluxQueryException(string message)
        : base(message)
    {
    }

    public InfluxQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
