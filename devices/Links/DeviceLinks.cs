using System.Globalization;
using System.Net;

namespace Telematics.Devices.Links;

/// <summary>Creates links by protocol name, and the device ids the simulator gives its vehicles.</summary>
public static class DeviceLinks
{
    public static readonly string[] Protocols = ["teltonika", "gt06", "jt808", "mqtt"];

    public static int DefaultPort(string protocol) => protocol switch
    {
        "teltonika" => 5027,
        "gt06" => 5023,
        "jt808" => 5015,
        "mqtt" => 1883,
        _ => throw new ArgumentException($"unknown protocol \"{protocol}\"", nameof(protocol)),
    };

    /// <summary>A stable id per protocol and vehicle number: 15-digit IMEIs (MQTT too: the client id), 12-digit JT808 terminal numbers.</summary>
    public static string DeviceIdFor(string protocol, int index) => protocol switch
    {
        "teltonika" => "35630704" + index.ToString("D7", CultureInfo.InvariantCulture),
        "gt06" => "86805004" + index.ToString("D7", CultureInfo.InvariantCulture),
        "jt808" => "0139" + index.ToString("D8", CultureInfo.InvariantCulture),
        "mqtt" => "86990004" + index.ToString("D7", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unknown protocol \"{protocol}\"", nameof(protocol)),
    };

    /// <summary>The id the server will know the device by (JT808 drops the leading zeros).</summary>
    public static string ServerIdOf(string protocol, string deviceId) => protocol == "jt808" ? deviceId.TrimStart('0') : deviceId;

    public static IDeviceLink Create(string protocol, string deviceId, EndPoint server) => protocol switch
    {
        "teltonika" => new TeltonikaLink(deviceId, server),
        "gt06" => new Gt06Link(deviceId, server),
        "jt808" => new Jt808Link(deviceId, server),
        "mqtt" => new MqttLink(deviceId, server),
        _ => throw new ArgumentException($"unknown protocol \"{protocol}\"", nameof(protocol)),
    };
}
