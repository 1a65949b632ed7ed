namespace Telematics.Ingest.Registry;

/// <summary>Configuration section <c>Telematics:Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Telematics:Registry";

    /// <summary>The registry JSON file; a missing file means an empty registry (every device unknown).</summary>
    public string Path { get; set; } = "devices.json";

    public UnknownDevicePolicy UnknownDevices { get; set; } = UnknownDevicePolicy.Accept;
}
