using Telematics.Ingest.Influx;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>Options aimed at a test influxd, with a spool and dead-letter file in a temp directory and short delays.</summary>
public static class InfluxTestOptions
{
    public static InfluxOptions For(string url, string database, string directory, int batchSize = 500) => new()
    {
        Url = url,
        Database = database,
        RetentionPolicy = "telematics_400d",
        BatchSize = batchSize,
        FlushInterval = TimeSpan.FromMilliseconds(100),
        SpoolDirectory = Path.Combine(directory, "spool"),
        DeadLetterPath = Path.Combine(directory, "dead-letter.lp"),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        MaxAttempts = 2,
        RequestTimeout = TimeSpan.FromSeconds(5),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
    };

    public static string TempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-influx-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
