namespace Telematics.Ingest.Mqtt.Client;

/// <summary>Section <c>Telematics:Mqtt:Broker</c>: the worker as a client of an external broker (off by default).</summary>
public sealed class MqttBrokerOptions
{
    public bool Enabled { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>Must be stable across restarts (the broker keeps the persistent session under it) and unique per worker.</summary>
    public string ClientId { get; set; } = "telematics-ingest-" + Environment.MachineName.ToLowerInvariant();

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>5 (default) or 4 (3.1.1).</summary>
    public int ProtocolLevel { get; set; } = 5;

    /// <summary>Topic filters to subscribe to (QoS 1); payloads are chosen by the topic layout.</summary>
    public List<string> Topics { get; set; } = ["telematics/+/position", "telematics/+/teltonika", "owntracks/+/+"];

    /// <summary>When set, every filter is subscribed as <c>$share/{SharedGroup}/{filter}</c>, so that workers in the group split the messages.</summary>
    public string? SharedGroup { get; set; }

    /// <summary>How long the broker keeps the session (and queues QoS 1 messages) while the worker is away.</summary>
    public uint SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    public ushort KeepAliveSeconds { get; set; } = 30;

    /// <summary>First reconnect delay; doubles on every failure up to <see cref="MaxReconnectDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest packet accepted from the broker (announced as Maximum Packet Size in 5.0).</summary>
    public int MaxPacketSize { get; set; } = 256 * 1024;

    /// <summary>QoS 1 messages the broker may have in flight to us (5.0 Receive Maximum).</summary>
    public ushort ReceiveMaximum { get; set; } = 1000;
}
