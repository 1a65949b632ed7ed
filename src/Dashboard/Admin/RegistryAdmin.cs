using System.Text.Json;
using Telematics.Ingest.Registry;

namespace Telematics.Dashboard.Admin;

/// <summary>
/// The device registry file as the admin page sees it: its entries read with the registry's own
/// parser, and its replacement, validated by that same parser before it is written atomically
/// (the worker's watcher then reloads it; a file the parser refuses never reaches the disk).
/// </summary>
public static class RegistryAdmin
{
    /// <summary>The entries of the file, an empty list when it does not exist, or the parser's complaint.</summary>
    public static (IReadOnlyList<DeviceEntry> Entries, string? Error) Read(string path)
    {
        if (!File.Exists(path))
        {
            return ([], null);
        }

        try
        {
            return (DeviceRegistryFile.Parse(File.ReadAllText(path)), null);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or IOException)
        {
            return ([], ex.Message);
        }
    }

    /// <summary>Validates <paramref name="json"/> and, when it parses, replaces the file. Returns the parsed entries, or the reason it was refused.</summary>
    public static (IReadOnlyList<DeviceEntry>? Entries, string? Error) Replace(string path, string json)
    {
        IReadOnlyList<DeviceEntry> entries;
        try
        {
            entries = DeviceRegistryFile.Parse(json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return (null, ex.Message);
        }

        AtomicFile.Replace(path, json);
        return (entries, null);
    }
}
