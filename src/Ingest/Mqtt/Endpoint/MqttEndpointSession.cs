using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>
/// The session state the endpoint keeps for a client id (5.0 §4.1): QoS 2 packet ids received but
/// not yet released, the command subscription and commands queued while the device is away.
/// Kept after the connection ends when the session is persistent (3.1.1 Clean Session 0, 5.0
/// Session Expiry Interval &gt; 0). Guarded by its own lock.
/// </summary>
public sealed class MqttEndpointSession(string clientId, string deviceId)
{
    public string ClientId { get; } = clientId;

    public string DeviceId { get; } = deviceId;

    public Lock Sync { get; } = new();

    /// <summary>QoS 2 PUBLISH ids acknowledged with PUBREC, waiting for PUBREL: a resend of one is not ingested twice.</summary>
    public HashSet<ushort> AwaitingRelease { get; } = [];

    /// <summary>The granted QoS of the device's subscription to its command topic, or null.</summary>
    public MqttQos? CommandSubscription { get; set; }

    public Queue<byte[]> QueuedCommands { get; } = new();

    public bool Persistent { get; set; }

    /// <summary>5.0 Session Expiry Interval in seconds (uint.MaxValue: never); 3.1.1 persistent sessions never expire.</summary>
    public uint ExpirySeconds { get; set; }

    public DateTimeOffset? DisconnectedAt { get; set; }

    public MqttEndpointConnection? Connection { get; set; }

    public bool IsExpired(DateTimeOffset now) =>
        Connection is null && DisconnectedAt is { } at && ExpirySeconds != uint.MaxValue && now - at > TimeSpan.FromSeconds(ExpirySeconds);
}
