using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Telematics.Ingest.Tests.Support;

/// <summary>
/// The real Mosquitto (Debian's /usr/sbin/mosquitto) on a free loopback port, with its config in a
/// temporary directory readable by user mosquitto (mode 644). Disposing kills it.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly Process _process;
    private readonly string _directory;

    private MosquittoBroker(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync(params string[] extraConfig)
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-mosquitto-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        string[] lines =
        [
            "per_listener_settings false",
            $"listener {port} 127.0.0.1",
            "allow_anonymous true",
            "persistence false",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            "max_queued_messages 0",
            "max_inflight_messages 0",
            .. extraConfig,
        ];
        await File.WriteAllLinesAsync(config, lines);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, (UnixFileMode)0b110_100_100);
        }

        var process = Process.Start(new ProcessStartInfo(Executable, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var broker = new MosquittoBroker(process, directory, port);
        await Eventually.True(() => CanConnect(port) || process.HasExited, "mosquitto listening", TimeSpan.FromSeconds(10));
        if (process.HasExited)
        {
            throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}");
        }

        return broker;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs mosquitto_pub or mosquitto_sub to completion; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunClientAsync(string tool, IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/" + tool, args)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException(tool + " did not start");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish: {string.Join(' ', args)}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in /tmp: harmless.
        }
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
