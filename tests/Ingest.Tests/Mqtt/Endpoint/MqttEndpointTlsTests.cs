using System.Globalization;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Mqtt.Endpoint;

/// <summary>The endpoint's TLS listener with a certificate from a throw-away CA, against Debian's mosquitto_pub.</summary>
public sealed class MqttEndpointTlsTests
{
    private const string KeyPassword = "k3y-pass";

    [Theory]
    [InlineData("pem")]
    [InlineData("encrypted-pem")]
    [InlineData("pfx")]
    public async Task Mosquitto_pub_trusting_the_ca_publishes_over_tls_and_the_record_arrives(string form)
    {
        using var certificates = TestCertificates.Create();
        await using var worker = await WorkerHost.StartAsync(null, TlsSettings(certificates, form));
        var device = "86071" + form.Length.ToString("D2", CultureInfo.InvariantCulture);

        var (exit, output) = await PublishAsync(worker, device, 1, ["--cafile", certificates.CaPath]);

        Assert.True(exit == 0, output);
        await Eventually.True(() => worker.Recorder.Received.Any(p => p.Record.DeviceId == device), "the record sent over TLS");
        Assert.Equal(MqttTestRecords.TimeOf(1), worker.Recorder.Received.Single(p => p.Record.DeviceId == device).Record.Time, TimeSpan.FromMilliseconds(1));
        Assert.NotEqual(worker.PortOf("mqtt"), worker.PortOf("mqtts"));
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_ca_fails_the_handshake_and_nothing_arrives()
    {
        using var certificates = TestCertificates.Create();
        using var stranger = TestCertificates.Create("Another CA");
        await using var worker = await WorkerHost.StartAsync(null, TlsSettings(certificates, "pem"));
        const string device = "860720";

        var untrusted = await PublishAsync(worker, device, 1, ["--cafile", stranger.CaPath]);
        Assert.True(untrusted.ExitCode != 0, untrusted.Output);
        Assert.Contains("TLS error", untrusted.Output, StringComparison.Ordinal);
        var plain = await PublishAsync(worker, device, 2, []);
        Assert.True(plain.ExitCode != 0, plain.Output);

        // A trusting client afterwards gets through: only its record is in the pipeline.
        var trusted = await PublishAsync(worker, device, 3, ["--cafile", certificates.CaPath]);
        Assert.True(trusted.ExitCode == 0, trusted.Output);
        await Eventually.True(() => worker.Recorder.Received.Any(p => p.Record.DeviceId == device), "the trusted client's record");
        Assert.Equal(MqttTestRecords.TimeOf(3), worker.Recorder.Received.Single(p => p.Record.DeviceId == device).Record.Time, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_loaded_stops_the_start_naming_the_file()
    {
        using var certificates = TestCertificates.Create();
        var missing = Path.Combine(certificates.Directory, "missing.pem");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WorkerHost.StartAsync(null,
            "--Telematics:Mqtt:Endpoint:TlsPort=0",
            $"--Telematics:Mqtt:Endpoint:CertificatePath={missing}",
            $"--Telematics:Mqtt:Endpoint:CertificateKeyPath={certificates.ServerKeyPath}"));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    private static string[] TlsSettings(TestCertificates certificates, string form) => form switch
    {
        "pem" =>
        [
            "--Telematics:Mqtt:Endpoint:TlsPort=0",
            $"--Telematics:Mqtt:Endpoint:CertificatePath={certificates.ServerCertificatePath}",
            $"--Telematics:Mqtt:Endpoint:CertificateKeyPath={certificates.ServerKeyPath}",
        ],
        "encrypted-pem" =>
        [
            "--Telematics:Mqtt:Endpoint:TlsPort=0",
            $"--Telematics:Mqtt:Endpoint:CertificatePath={certificates.ServerCertificatePath}",
            $"--Telematics:Mqtt:Endpoint:CertificateKeyPath={certificates.WriteEncryptedServerKey(KeyPassword)}",
            $"--Telematics:Mqtt:Endpoint:CertificatePassword={KeyPassword}",
        ],
        _ =>
        [
            "--Telematics:Mqtt:Endpoint:TlsPort=0",
            $"--Telematics:Mqtt:Endpoint:CertificatePath={certificates.WriteServerPfx(KeyPassword)}",
            $"--Telematics:Mqtt:Endpoint:CertificatePassword={KeyPassword}",
        ],
    };

    private static Task<(int ExitCode, string Output)> PublishAsync(WorkerHost worker, string device, int n, string[] tls) =>
        MosquittoBroker.RunClientAsync("mosquitto_pub",
            [.. tls, "-h", "127.0.0.1", "-p", worker.PortOf("mqtts").ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1",
             "-i", device, "-t", $"telematics/{device}/position", "-m", MqttTestRecords.Json(device, n)],
            timeout: TimeSpan.FromSeconds(15));
}
