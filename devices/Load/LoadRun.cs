using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Telematics.Devices.Load;

/// <summary>
/// One load run: ramps the connections up, waits for their logins, starts them together,
/// warms up, measures for the duration, stops them (each waits for its last acks, then the
/// stragglers are closed) and reports. Progress goes to <c>output</c> once a second.
/// </summary>
public sealed class LoadRun
{
    private static readonly TimeSpan LoginWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(5);

    // Device times start a week back and advance one second per record; they wrap before "now"
    // so that the worker's future-time filter never drops them.
    private static readonly TimeSpan DeviceTimeSpan = TimeSpan.FromDays(7);

    private readonly TextWriter _output;
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopping;
    private string _phase = "connecting";

    public LoadRun(LoadSettings settings, TextWriter output)
    {
        Settings = settings;
        _output = output;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() * 1000;
        LastDeviceTimeMs = now - 60_000;
        FirstDeviceTimeMs = now - (long)DeviceTimeSpan.TotalMilliseconds;
    }

    public LoadSettings Settings { get; }

    public LoadStats Stats { get; } = new();

    internal IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    internal long FirstDeviceTimeMs { get; }

    internal long LastDeviceTimeMs { get; }

    internal Task Go => _go.Task;

    internal Task Stopped => _stopped.Task;

    internal bool IsStopping => Volatile.Read(ref _stopping);

    internal Pacer? Pacer { get; private set; }

    public async Task<LoadSummary> RunAsync(CancellationToken cancellationToken)
    {
        var s = Settings;
        EndPoint = new IPEndPoint(await ResolveAsync(s.Host, cancellationToken).ConfigureAwait(false), s.EffectivePort);
        var rssBefore = WorkerRssKb();
        var rate = s.Rate == 0 ? "max" : s.Rate.ToString(CultureInfo.InvariantCulture);
        var mode = s.Idle ? "idle" : string.Create(CultureInfo.InvariantCulture, $"{s.EffectiveRecordsPerFrame} records/frame, {s.InFlight} in flight, rate {rate}");
        await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"load: {s.Protocol} {EndPoint}, {s.Connections} connections at {s.Ramp}/s, {mode}, warm-up {s.Warmup.TotalSeconds:0.#} s, duration {s.Duration.TotalSeconds:0.#} s; open files limit {OpenFilesLimit()}")).ConfigureAwait(false);

        var connections = new LoadConnection[s.Connections];
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i] = new LoadConnection(this, i);
        }

        using var stopProgress = new CancellationTokenSource();
        var progress = ReportProgressAsync(stopProgress.Token);
        var tasks = new Task[connections.Length];
        var measured = default(LoadStats.Snapshot);
        var seconds = 0.0;
        long p50 = 0, p90 = 0, p99 = 0, max = 0;
        long? rssAfter = null;
        try
        {
            await RampAsync(connections, tasks, cancellationToken).ConfigureAwait(false);
            await WaitForLoginsAsync(cancellationToken).ConfigureAwait(false);

            var frameRate = (double)s.Rate / s.EffectiveRecordsPerFrame;
            Pacer = s.Rate > 0 && !s.Idle ? new Pacer(frameRate, s.Connections) : null;
            _phase = s.Idle ? "idle" : "warm-up";
            _go.TrySetResult();
            await DelayAsync(s.Warmup, cancellationToken).ConfigureAwait(false);

            Stats.Latency.Reset();
            var before = Stats.Take();
            var started = Stopwatch.GetTimestamp();
            _phase = s.Idle ? "idle" : "measuring";
            await DelayAsync(s.Duration, cancellationToken).ConfigureAwait(false);
            measured = Stats.Take() - before;
            seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var latency = Stats.Latency;
            (p50, p90, p99, max) = (latency.PercentileMicros(50), latency.PercentileMicros(90), latency.PercentileMicros(99), latency.MaxMicros);
            rssAfter = WorkerRssKb();
        }
        finally
        {
            _phase = "stopping";
            Volatile.Write(ref _stopping, true);
            _go.TrySetResult();
            _stopped.TrySetResult();
        }

        var unacked = await DrainAsync(connections, tasks).ConfigureAwait(false);
        Pacer?.Dispose();
        await stopProgress.CancelAsync().ConfigureAwait(false);
        await progress.ConfigureAwait(false);

        var summary = new LoadSummary(
            s.Protocol.ToString().ToLowerInvariant(), s.Connections, s.EffectiveRecordsPerFrame, s.Rate, s.InFlight, s.Idle, Stats.LoggedIn, seconds, measured.RecordsAcked, measured.FramesAcked, measured.RecordsSent,
            ToMs(p50), ToMs(p90), ToMs(p99), ToMs(max),
            Stats.AckErrors, Stats.ConnectFailures, Stats.Disconnects, unacked, rssBefore, rssAfter);
        await WriteSummaryAsync(summary).ConfigureAwait(false);
        return summary;
    }

    private async Task RampAsync(LoadConnection[] connections, Task[] tasks, CancellationToken cancellationToken)
    {
        var started = 0;
        var clock = Stopwatch.StartNew();
        while (started < connections.Length && !cancellationToken.IsCancellationRequested)
        {
            var target = (int)Math.Min(connections.Length, (clock.Elapsed.TotalSeconds * Settings.Ramp) + 1);
            for (; started < target; started++)
            {
                tasks[started] = connections[started].RunAsync();
            }

            if (started < connections.Length)
            {
                await DelayAsync(TimeSpan.FromMilliseconds(5), cancellationToken).ConfigureAwait(false);
            }
        }

        for (; started < connections.Length; started++)
        {
            tasks[started] = Task.CompletedTask;
        }
    }

    private async Task WaitForLoginsAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Stats.LoggedIn + Stats.ConnectFailures < Settings.Connections && clock.Elapsed < LoginWait && !cancellationToken.IsCancellationRequested)
        {
            await DelayAsync(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives every connection time for its last acks, then closes the rest; returns the frames never acked.</summary>
    private static async Task<long> DrainAsync(LoadConnection[] connections, Task[] tasks)
    {
        var all = Task.WhenAll(tasks);
        await Task.WhenAny(all, Task.Delay(DrainWait)).ConfigureAwait(false);
        long unacked = 0;
        foreach (var connection in connections)
        {
            unacked += connection.InFlight;
            connection.Abort();
        }

        await all.ConfigureAwait(false);
        return unacked;
    }

    private async Task ReportProgressAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        var last = Stats.Take();
        var lastAt = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = Stats.Take();
                var at = clock.Elapsed;
                var interval = (at - lastAt).TotalSeconds;
                var delta = now - last;
                var rss = WorkerRssKb() is { } kb ? string.Create(CultureInfo.InvariantCulture, $"  worker RSS {kb / 1024.0:N1} MB") : string.Empty;
                await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{at.TotalSeconds,4:0}s] {_phase,-10} connected {Stats.Connected,6}  records/s {delta.RecordsAcked / interval,9:N0}  acks/s {delta.FramesAcked / interval,8:N0}  ack errors {now.AckErrors}  connect failures {Stats.ConnectFailures}  disconnects {Stats.Disconnects}{rss}")).ConfigureAwait(false);
                (last, lastAt) = (now, at);
            }
        }
        catch (OperationCanceledException)
        {
            // Run over.
        }
    }

    private async Task WriteSummaryAsync(LoadSummary r)
    {
        var perConnection = r.RssPerConnectionBytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"; worker RSS {r.WorkerRssBeforeKb} → {r.WorkerRssKb} KB, {b:N0} bytes per connection") : string.Empty;
        await _output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"summary: {r.Protocol} {r.LoggedIn}/{r.Connections} connections, {r.Seconds:0.0} s: {r.Records:N0} records acked ({r.RecordsPerSecond:N0}/s) in {r.Frames:N0} frames ({r.AcksPerSecond:N0} acks/s); " +
            $"ack latency p50 {r.AckP50Ms:0.###} ms, p90 {r.AckP90Ms:0.###} ms, p99 {r.AckP99Ms:0.###} ms, max {r.AckMaxMs:0.###} ms; " +
            $"{r.AckErrors} ack errors, {r.ConnectFailures} connect failures, {r.Disconnects} disconnects, {r.Unacked} unacked at the end{perConnection}")).ConfigureAwait(false);
        await _output.WriteLineAsync(JsonSerializer.Serialize(r, LoadJson.Default.LoadSummary)).ConfigureAwait(false);
        foreach (var message in Stats.Messages)
        {
            await Console.Error.WriteLineAsync("error: " + message).ConfigureAwait(false);
        }
    }

    private long? WorkerRssKb()
    {
        if (Settings.ServerPid is not { } pid)
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The worker is gone.
        }

        return null;
    }

    private static string OpenFilesLimit()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return parts[3];
                }
            }
        }
        catch (IOException)
        {
            // Not Linux.
        }
        catch (UnauthorizedAccessException)
        {
            // Not readable.
        }

        return "unknown";
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: the run ends early and still reports.
        }
    }

    private static double ToMs(long micros) => Math.Round(micros / 1000.0, 3);
}
