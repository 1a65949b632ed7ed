using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Telematics.Ingest.Tests.Support;

/// <summary>
/// A real influxd (Debian's 1.6.7) as a child process on free loopback ports with a temporary
/// data directory (reference/environment.md): ready when /ping answers 204; <see cref="StopAsync"/>
/// and <see cref="StartAsync"/> stop and restart it on the same port and data; disposing kills it
/// and deletes the directory. No test framework here: the benchmarks link this file too; the
/// query helpers that assert are in InfluxServer.Queries.cs.
/// </summary>
public sealed partial class InfluxServer : IAsyncDisposable
{
    private readonly string _config;
    private readonly HttpClient _http;

    private Process? _process;

    private InfluxServer(string directory, int httpPort, int rpcPort)
    {
        Directory = directory;
        HttpPort = httpPort;
        Url = $"http://127.0.0.1:{httpPort}";
        _http = new HttpClient { BaseAddress = new Uri(Url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        _config = Path.Combine(directory, "influxdb.conf");
        File.WriteAllText(_config, $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{directory}/meta"
              logging-enabled = false
            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              bind-address = "127.0.0.1:{httpPort}"
              log-enabled = false
            [logging]
              level = "warn"
            [ifql]
              enabled = false
            [[graphite]]
              enabled = false
            [[collectd]]
              enabled = false
            [[opentsdb]]
              enabled = false
            [[udp]]
              enabled = false
            [continuous_queries]
              enabled = false
            """);
    }

    public string Directory { get; }

    public int HttpPort { get; }

    public string Url { get; }

    public string Log => Path.Combine(Directory, "influxd.log");

    public static async Task<InfluxServer> StartNewAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-influx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var server = new InfluxServer(directory, FreePort(), FreePort());
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/influxd", ["run", "-config", _config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("influxd did not start");
        var log = new StreamWriter(Log, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {_process.ExitCode}: {await File.ReadAllTextAsync(Log)}");
            }

            try
            {
                using var response = await _http.GetAsync("ping");
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("influxd did not answer /ping within 20 s");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>SIGTERM-like stop (kill), waiting until the process is gone and the port closed.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
