namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>Section <c>Telematics:Mqtt:Endpoint</c>: the built-in MQTT endpoint devices connect to.</summary>
public sealed class MqttEndpointOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Plain MQTT; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>MQTT over TLS, opened only when <see cref="CertificatePath"/> is set; 0 picks a free port (tests).</summary>
    public int TlsPort { get; set; } = 8883;

    /// <summary>A PKCS#12 file (.pfx/.p12), or a PEM certificate with its key in <see cref="CertificateKeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificateKeyPath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>When false, a device needs an entry in <see cref="PasswordFile"/> and the right password.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Per-device passwords, hashed (see <see cref="MqttPasswordFile"/>). Devices listed there must give theirs even when anonymous access is allowed.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Largest packet accepted (and announced to 5.0 clients as Maximum Packet Size).</summary>
    public int MaxPacketSize { get; set; } = 256 * 1024;

    /// <summary>Connections open at once; null uses Telematics:Limits:MaxConnections.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>Commands kept for a device that is offline with a persistent session.</summary>
    public int MaxQueuedCommands { get; set; } = 100;

    /// <summary>How long a QoS 1 command waits for the device's PUBACK.</summary>
    public TimeSpan CommandAckTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
