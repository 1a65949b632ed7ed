namespace Telematics.Ingest.Influx;

/// <summary>
/// The InfluxDB time-series sink ("Telematics:Influx"). Credentials come from here (and so from
/// <c>Telematics__Influx__Password</c> and friends) or from INFLUX_USERNAME, INFLUX_PASSWORD and
/// INFLUX_TOKEN; they travel in headers only and are never logged.
/// </summary>
public sealed class InfluxOptions
{
    public const string Section = "Telematics:Influx";

    public bool Enabled { get; set; } = true;

    public string Url { get; set; } = "http://127.0.0.1:8086";

    /// <summary>v1 database (also the v1-compatibility database of InfluxDB 2.x/3.x for queries).</summary>
    public string Database { get; set; } = "telematics";

    /// <summary>Retention policy written to; created as the database's DEFAULT when missing (v1).</summary>
    public string RetentionPolicy { get; set; } = "telematics_400d";

    public int RetentionDays { get; set; } = 400;

    public InfluxApiVersion ApiVersion { get; set; } = InfluxApiVersion.V1;

    /// <summary>v2 write: organisation.</summary>
    public string? Org { get; set; }

    /// <summary>v2 write: bucket (defaults to Database/RetentionPolicy, the v1-compatibility mapping).</summary>
    public string? Bucket { get; set; }

    /// <summary>v2 (and 1.8+ token auth): sent as "Authorization: Token ...".</summary>
    public string? Token { get; set; }

    /// <summary>v1: sent as HTTP basic authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Compress write bodies (Content-Encoding: gzip).</summary>
    public bool Gzip { get; set; }

    /// <summary>Lines per write request (InfluxDB recommends 5,000).</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>A batch older than this is sent even when not full.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Concurrent write requests.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Points held in memory waiting for a writer; beyond this, full batches go to the spool.</summary>
    public int MaxBufferedPoints { get; set; } = 100_000;

    /// <summary>Spool directory (relative to the working directory).</summary>
    public string SpoolDirectory { get; set; } = Path.Combine("spool", "influx");

    /// <summary>Disk quota of the spool; reaching it is an alarm and the batch is dropped (counted).</summary>
    public long SpoolQuotaBytes { get; set; } = 1L << 30;

    /// <summary>Lines InfluxDB refused (parse error, field type conflict), with its error text as comments.</summary>
    public string DeadLetterPath { get; set; } = Path.Combine("spool", "influx-dead-letter.lp");

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one batch before it goes to the spool.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap of the backoff (also between health probes while InfluxDB is down).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>On shutdown, how long writers may still try before the rest is spooled.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal string? EffectiveUsername => Username ?? Environment.GetEnvironmentVariable("INFLUX_USERNAME");

    internal string? EffectivePassword => Password ?? Environment.GetEnvironmentVariable("INFLUX_PASSWORD");

    internal string? EffectiveToken => Token ?? Environment.GetEnvironmentVariable("INFLUX_TOKEN");

    /// <summary>The URL as it may appear in a log line: no user info, no query.</summary>
    internal string SafeUrl
    {
        get
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri))
            {
                return "(invalid url)";
            }

            return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }
    }
}
