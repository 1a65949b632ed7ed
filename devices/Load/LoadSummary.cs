using System.Text.Json.Serialization;

namespace Telematics.Devices.Load;

/// <summary>
/// What a load run measured; printed as one JSON line (camelCase). Records, frames and latency
/// cover the measurement window only; errors, failures and disconnects the whole run.
/// </summary>
public sealed record LoadSummary(
    string Protocol,
    int Connections,
    int RecordsPerFrame,
    int Rate,
    int InFlight,
    bool Idle,
    long LoggedIn,
    double Seconds,
    long Records,
    long Frames,
    long RecordsSent,
    double AckP50Ms,
    double AckP90Ms,
    double AckP99Ms,
    double AckMaxMs,
    long AckErrors,
    long ConnectFailures,
    long Disconnects,
    long Unacked,
    long? WorkerRssBeforeKb,
    long? WorkerRssKb)
{
    public double RecordsPerSecond => Seconds > 0 ? Math.Round(Records / Seconds) : 0;

    public double AcksPerSecond => Seconds > 0 ? Math.Round(Frames / Seconds) : 0;

    /// <summary>With --idle and --server-pid: the worker's resident memory growth divided by the connections logged in.</summary>
    public long? RssPerConnectionBytes =>
        Idle && WorkerRssBeforeKb is { } before && WorkerRssKb is { } after && LoggedIn > 0 ? (after - before) * 1024 / LoggedIn : null;

    /// <summary>Every connection logged in, every frame acked with the right ack.</summary>
    [JsonIgnore]
    public bool Clean => AckErrors == 0 && ConnectFailures == 0 && Disconnects == 0 && Unacked == 0;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadSummary))]
internal sealed partial class LoadJson : JsonSerializerContext;
