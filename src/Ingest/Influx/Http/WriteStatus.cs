namespace Telematics.Ingest.Influx.Http;

public enum WriteStatus
{
    /// <summary>2xx: every line stored.</summary>
    Written,

    /// <summary>400/413: some or all lines refused (parse error, field type conflict, too large); InfluxDB stored the others.</summary>
    Rejected,

    /// <summary>5xx, 429, 404 (database missing), 401/403, timeout, connection refused: worth trying again later.</summary>
    Retry,
}
