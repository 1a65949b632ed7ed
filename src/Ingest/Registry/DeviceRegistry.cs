using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Registry;

/// <summary>
/// The device registry: an immutable snapshot of the registry file, swapped atomically when the
/// file changes (polled, so that editors that replace the file are seen too). A file that does
/// not parse is reported and the previous snapshot stays in force. Thread-safe.
/// Also the <see cref="IDeviceGate"/> every session asks about the devices it meets.
/// </summary>
public sealed class DeviceRegistry : IDeviceGate
{
    private readonly RegistryOptions _options;
    private readonly ILogger<DeviceRegistry> _logger;
    private readonly IngestMetrics _metrics;
    private readonly ConcurrentDictionary<string, byte> _flaggedUnknown = new(StringComparer.Ordinal);
    private FrozenDictionary<string, DeviceEntry> _devices = FrozenDictionary<string, DeviceEntry>.Empty;
    private DateTime _loadedWriteTime = DateTime.MinValue;
    private long _loadedLength = -1;

    public DeviceRegistry(IOptions<RegistryOptions> options, ILogger<DeviceRegistry> logger, IngestMetrics metrics)
    {
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
        ReloadIfChanged();
    }

    public int Count => _devices.Count;

    public string FilePath => Path.GetFullPath(_options.Path);

    /// <summary>Every registered device of the snapshot in force.</summary>
    public IReadOnlyCollection<DeviceEntry> Entries => _devices.Values;

    public bool TryGet(string deviceId, out DeviceEntry entry) => _devices.TryGetValue(deviceId, out entry!);

    /// <summary>Re-reads the file when its time stamp or size changed. Returns true when a new snapshot is in force.</summary>
    public bool ReloadIfChanged()
    {
        var file = new FileInfo(FilePath);
        if (!file.Exists)
        {
            if (_loadedLength != -1 || _loadedWriteTime == DateTime.MinValue)
            {
                _logger.LogWarning("Device registry {Path} not found: every device is unknown (policy {Policy})", FilePath, _options.UnknownDevices);
                _devices = FrozenDictionary<string, DeviceEntry>.Empty;
                _loadedLength = -1;
                _loadedWriteTime = DateTime.MaxValue;
            }

            return false;
        }

        if (file.LastWriteTimeUtc == _loadedWriteTime && file.Length == _loadedLength)
        {
            return false;
        }

        try
        {
            var entries = DeviceRegistryFile.Parse(File.ReadAllText(file.FullName));
            _devices = entries.ToFrozenDictionary(e => e.DeviceId, StringComparer.Ordinal);
            _loadedWriteTime = file.LastWriteTimeUtc;
            _loadedLength = file.Length;
            _flaggedUnknown.Clear();
            _logger.LogInformation("Device registry {Path} loaded: {Count} devices", FilePath, entries.Count);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or IOException)
        {
            // Remember the bad version so that the error is logged once, not at every poll.
            _loadedWriteTime = file.LastWriteTimeUtc;
            _loadedLength = file.Length;
            _logger.LogError("Device registry {Path} not loaded, keeping the previous {Count} devices: {Reason}", FilePath, _devices.Count, ex.Message);
            return false;
        }
    }

    public bool Admit(string deviceId)
    {
        if (_devices.ContainsKey(deviceId))
        {
            return true;
        }

        var accept = _options.UnknownDevices == UnknownDevicePolicy.Accept;
        _metrics.UnknownDevice(accept);
        if (_flaggedUnknown.TryAdd(deviceId, 0))
        {
            if (accept)
            {
                _logger.LogWarning("Unknown device {DeviceId} accepted and flagged: add it to the registry {Path}", deviceId, FilePath);
            }
            else
            {
                _logger.LogWarning("Unknown device {DeviceId} refused (UnknownDevices = Reject)", deviceId);
            }
        }

        return accept;
    }

    public TimeSpan? UtcOffset(string deviceId) => _devices.TryGetValue(deviceId, out var e) ? e.UtcOffset : null;
}
