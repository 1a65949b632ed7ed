using System.Diagnostics;
using System.Globalization;
using System.Text;
using Telematics.Ingest.Mqtt.Endpoint;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Mqtt.Endpoint;

/// <summary>The <c>mqtt-passwd</c> verb, run as the real executable, and a worker reading the file it wrote.</summary>
public sealed class MqttPasswordCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "telematics-mqtt-passwd-" + Guid.NewGuid().ToString("N"));

    public MqttPasswordCommandTests() => Directory.CreateDirectory(_directory);

    private string PasswordPath => Path.Combine(_directory, "mqtt-passwords");

    [Fact]
    public async Task The_executable_writes_a_hashed_line_without_the_clear_text_password()
    {
        var (exit, output) = await RunAsync(PasswordPath, "860081", "Clear-Text-Pw-81");

        Assert.True(exit == 0, output);
        var text = await File.ReadAllTextAsync(PasswordPath);
        var line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"860081:{MqttPasswordFile.Scheme}:{MqttPasswordFile.DefaultIterations}:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Clear-Text-Pw-81", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("Clear-Text-Pw-81"u8), text, StringComparison.Ordinal);
        var file = new MqttPasswordFile(PasswordPath);
        Assert.True(file.Verify("860081", "Clear-Text-Pw-81"u8));
        Assert.False(file.Verify("860081", "clear-text-pw-81"u8));
    }

    [Fact]
    public async Task A_second_run_for_the_same_device_replaces_its_line_and_keeps_the_others()
    {
        var other = MqttPasswordFile.HashLine("860089", "other", iterations: 1000);
        await File.WriteAllTextAsync(PasswordPath, $"# fleet A\n{other}\n");

        Assert.Equal(0, (await RunAsync(PasswordPath, "860082", "first")).ExitCode);
        var afterFirst = (await File.ReadAllLinesAsync(PasswordPath)).Single(l => l.StartsWith("860082:", StringComparison.Ordinal));
        Assert.Equal(0, (await RunAsync(PasswordPath, "860082", "second")).ExitCode);

        var lines = await File.ReadAllLinesAsync(PasswordPath);
        Assert.Equal(3, lines.Length);
        Assert.Equal("# fleet A", lines[0]);
        Assert.Equal(other, lines[1]);
        Assert.StartsWith("860082:", lines[2], StringComparison.Ordinal);
        Assert.NotEqual(afterFirst, lines[2]);
        var file = new MqttPasswordFile(PasswordPath);
        Assert.True(file.Verify("860082", "second"u8));
        Assert.False(file.Verify("860082", "first"u8));
        Assert.True(file.Verify("860089", "other"u8));
    }

    [Fact]
    public async Task A_device_id_with_a_colon_is_an_error_and_the_file_is_left_as_it_was()
    {
        await File.WriteAllTextAsync(PasswordPath, "# empty\n");

        var (exit, output) = await RunAsync(PasswordPath, "86:0083", "pw");

        Assert.Equal(1, exit);
        Assert.Contains("must not be empty or contain ':'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal("# empty\n", await File.ReadAllTextAsync(PasswordPath));
    }

    [Theory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task The_worker_with_the_written_file_accepts_the_password_and_refuses_a_wrong_one(string version)
    {
        const string device = "860084";
        Assert.Equal(0, (await RunAsync(PasswordPath, device, "door-7-open")).ExitCode);
        await using var worker = await WorkerHost.StartAsync(null, $"--Telematics:Mqtt:Endpoint:PasswordFile={PasswordPath}");
        string[] common = ["-h", "127.0.0.1", "-p", worker.PortOf("mqtt").ToString(CultureInfo.InvariantCulture), "-V", version, "-q", "1",
            "-i", device, "-u", device, "-t", $"telematics/{device}/position"];

        // Anonymous access is on (the default), but a device in the file must give its password.
        var wrong = await MosquittoBroker.RunClientAsync("mosquitto_pub", [.. common, "-P", "door-7-shut", "-m", MqttTestRecords.Json(device, 1)]);
        Assert.True(wrong.ExitCode != 0, wrong.Output);
        Assert.Contains("user name or password", wrong.Output, StringComparison.OrdinalIgnoreCase);
        var none = await MosquittoBroker.RunClientAsync("mosquitto_pub", [.. common, "-m", MqttTestRecords.Json(device, 2)]);
        Assert.True(none.ExitCode != 0, none.Output);
        Assert.Contains("user name or password", none.Output, StringComparison.OrdinalIgnoreCase);

        var right = await MosquittoBroker.RunClientAsync("mosquitto_pub", [.. common, "-P", "door-7-open", "-m", MqttTestRecords.Json(device, 3)]);
        Assert.True(right.ExitCode == 0, right.Output);
        await Eventually.True(() => worker.Recorder.Received.Any(p => p.Record.DeviceId == device), "the record sent with the right password");
        Assert.Equal(MqttTestRecords.TimeOf(3), worker.Recorder.Received.Single(p => p.Record.DeviceId == device).Record.Time, TimeSpan.FromMilliseconds(1));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "telematics-ingest.dll"), "mqtt-passwd", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, new StringBuilder(await stdout).Append(await stderr).ToString());
    }
}
