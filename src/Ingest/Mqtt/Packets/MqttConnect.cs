namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>CONNECT (3.1.1 §3.1, 5.0 §3.1).</summary>
public sealed class MqttConnect
{
    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V500;

    /// <summary>3.1.1 Clean Session / 5.0 Clean Start.</summary>
    public bool CleanStart { get; init; } = true;

    public ushort KeepAliveSeconds { get; init; } = 60;

    public string ClientId { get; init; } = "";

    public MqttWill? Will { get; init; }

    public string? UserName { get; init; }

    public byte[]? Password { get; init; }

    public MqttProperties Properties { get; init; } = new();
}

/// <summary>The Will Message of a CONNECT.</summary>
public sealed class MqttWill
{
    public required string Topic { get; init; }

    public byte[] Payload { get; init; } = [];

    public MqttQos Qos { get; init; }

    public bool Retain { get; init; }

    public MqttProperties Properties { get; init; } = new();
}
