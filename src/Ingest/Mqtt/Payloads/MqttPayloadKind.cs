namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>What a topic carries, by the topic layout of <see cref="MqttTopicLayout"/>.</summary>
public enum MqttPayloadKind
{
    /// <summary>Not a topic of ours.</summary>
    Unknown,

    /// <summary><c>telematics/{deviceId}/position</c>: normalised record JSON, one object or an array.</summary>
    Json,

    /// <summary><c>owntracks/{user}/{deviceId}</c>: OwnTracks JSON (<c>_type: location</c>).</summary>
    OwnTracks,

    /// <summary><c>telematics/{deviceId}/teltonika</c>: Teltonika Codec 8 / 8 Extended / 16 AVL binary.</summary>
    Teltonika,

    /// <summary><c>telematics/{deviceId}/commands</c>: commands to the device (subscribe only).</summary>
    Commands,
}
