namespace Telematics.Ingest.Mqtt.Payloads;

/// <summary>
/// The topic layout: which payload a topic carries and which device it speaks for.
/// <list type="bullet">
/// <item><c>telematics/{deviceId}/position</c> — normalised record JSON</item>
/// <item><c>telematics/{deviceId}/teltonika</c> — Teltonika AVL binary</item>
/// <item><c>owntracks/{user}/{deviceId}</c> — OwnTracks JSON</item>
/// <item><c>telematics/{deviceId}/commands</c> — commands to the device</item>
/// </list>
/// Works on the topic's UTF-8 bytes, so routing allocates nothing.
/// </summary>
public static class MqttTopicLayout
{
    public const string Root = "telematics";
    public const string OwnTracksRoot = "owntracks";
    public const string PositionLevel = "position";
    public const string TeltonikaLevel = "teltonika";
    public const string CommandsLevel = "commands";

    public static string PositionTopic(string deviceId) => $"{Root}/{deviceId}/{PositionLevel}";

    public static string TeltonikaTopic(string deviceId) => $"{Root}/{deviceId}/{TeltonikaLevel}";

    public static string CommandTopic(string deviceId) => $"{Root}/{deviceId}/{CommandsLevel}";

    public static string OwnTracksTopic(string user, string deviceId) => $"{OwnTracksRoot}/{user}/{deviceId}";

    /// <summary>Routes a topic name; <paramref name="deviceId"/> is the range of the device id within it.</summary>
    public static MqttPayloadKind Route(ReadOnlySpan<byte> topic, out Range deviceId)
    {
        deviceId = default;
        var first = topic.IndexOf((byte)'/');
        if (first <= 0)
        {
            return MqttPayloadKind.Unknown;
        }

        var rest = topic[(first + 1)..];
        var second = rest.IndexOf((byte)'/');
        if (second <= 0)
        {
            return MqttPayloadKind.Unknown;
        }

        var root = topic[..first];
        var middle = rest[..second];
        var last = rest[(second + 1)..];
        if (last.IsEmpty || last.IndexOf((byte)'/') >= 0)
        {
            return MqttPayloadKind.Unknown;
        }

        if (root.SequenceEqual("telematics"u8))
        {
            deviceId = new Range(first + 1, first + 1 + second);
            if (last.SequenceEqual("position"u8))
            {
                return MqttPayloadKind.Json;
            }

            if (last.SequenceEqual("teltonika"u8))
            {
                return MqttPayloadKind.Teltonika;
            }

            if (last.SequenceEqual("commands"u8))
            {
                return MqttPayloadKind.Commands;
            }

            deviceId = default;
            return MqttPayloadKind.Unknown;
        }

        if (root.SequenceEqual("owntracks"u8))
        {
            deviceId = new Range(first + 1 + second + 1, topic.Length);
            return MqttPayloadKind.OwnTracks;
        }

        return MqttPayloadKind.Unknown;
    }
}
