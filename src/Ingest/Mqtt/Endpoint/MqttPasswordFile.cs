using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>
/// Per-device MQTT passwords, stored hashed. One line per device:
/// <c>{deviceId}:pbkdf2-sha256:{iterations}:{salt base64}:{hash base64}</c>; blank lines and
/// lines starting with '#' are ignored. Add a line with
/// <c>telematics-ingest mqtt-passwd FILE DEVICE_ID PASSWORD</c>. Re-read when the file changes.
/// Thread-safe.
/// </summary>
public sealed class MqttPasswordFile
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly string? _path;
    private readonly Lock _lock = new();
    private FrozenDictionary<string, Entry> _entries = FrozenDictionary<string, Entry>.Empty;
    private DateTime _loadedWriteTime;
    private long _loadedLength = -1;

    public MqttPasswordFile(string? path)
    {
        _path = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
        Reload();
    }

    /// <summary>Null when the file holds no entry for the device; else whether the password matches.</summary>
    public bool? Verify(string deviceId, ReadOnlySpan<byte> password)
    {
        Reload();
        if (!_entries.TryGetValue(deviceId, out var entry))
        {
            return null;
        }

        var hash = Rfc2898DeriveBytes.Pbkdf2(password, entry.Salt, entry.Iterations, HashAlgorithmName.SHA256, entry.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(hash, entry.Hash);
    }

    public int Count => _entries.Count;

    /// <summary>A line for the file: the device id and a fresh salted PBKDF2-SHA256 hash of the password.</summary>
    public static string HashLine(string deviceId, string password, int iterations = DefaultIterations)
    {
        if (deviceId.Contains(':', StringComparison.Ordinal) || deviceId.Length == 0)
        {
            throw new ArgumentException("a device id in the password file is not empty and has no ':'", nameof(deviceId));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{deviceId}:{Scheme}:{iterations}:{Convert.ToBase64String(salt)}:{Convert.ToBase64String(hash)}");
    }

    /// <summary>Parses the file's text; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static FrozenDictionary<string, Entry> Parse(string text)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(':');
            if (parts.Length != 5 || parts[1] != Scheme
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
            {
                throw new FormatException($"line {lineNumber}: expected deviceId:{Scheme}:iterations:salt:hash");
            }

            try
            {
                entries[parts[0]] = new Entry(iterations, Convert.FromBase64String(parts[3]), Convert.FromBase64String(parts[4]));
            }
            catch (FormatException)
            {
                throw new FormatException($"line {lineNumber}: salt or hash is not base64");
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private void Reload()
    {
        if (_path is null)
        {
            return;
        }

        var file = new FileInfo(_path);
        var length = file.Exists ? file.Length : -1;
        var time = file.Exists ? file.LastWriteTimeUtc : default;
        if (length == _loadedLength && time == _loadedWriteTime)
        {
            return;
        }

        lock (_lock)
        {
            _entries = file.Exists ? Parse(File.ReadAllText(_path)) : FrozenDictionary<string, Entry>.Empty;
            _loadedLength = length;
            _loadedWriteTime = time;
        }
    }

    public sealed record Entry(int Iterations, byte[] Salt, byte[] Hash);
}
