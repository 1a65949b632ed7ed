using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Telematics.Benchmarks.Influx;

/// <summary>Debian's influxd on free loopback ports with a temporary data directory (as the tests start it); disposing kills it.</summary>
public sealed class InfluxdProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private InfluxdProcess(Process process, string directory, string url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public string Url { get; }

    public static async Task<InfluxdProcess> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-bench-influx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var http = FreePort();
        var config = Path.Combine(directory, "influxdb.conf");
        await File.WriteAllTextAsync(config, $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{FreePort()}"
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
              bind-address = "127.0.0.1:{http}"
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
            """);
        var process = Process.Start(new ProcessStartInfo("/usr/bin/influxd", ["run", "-config", config]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("influxd did not start");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var url = $"http://127.0.0.1:{http}";
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var ping = await client.GetAsync(url + "/ping");
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return new InfluxdProcess(process, directory, url);
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(25);
            }
        }

        process.Kill();
        throw new TimeoutException("influxd did not answer /ping");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
