using System.Globalization;
using System.Text.Json;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Registry;

/// <summary>
/// Reads the registry file:
/// <c>{"devices":[{"deviceId":"356307042441013","plate":"12C-345.67","vehicleClass":"truck","operator":"...","driver":"...","utcOffset":"+08:00"}]}</c>.
/// Every problem is reported with the entry's index so that an administrator can fix the file.
/// </summary>
public static class DeviceRegistryFile
{
    public static IReadOnlyList<DeviceEntry> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("devices", out var devices) || devices.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the registry must be an object with a \"devices\" array");
        }

        var entries = new List<DeviceEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var d in devices.EnumerateArray())
        {
            var entry = ParseEntry(d, index);
            if (!seen.Add(entry.DeviceId))
            {
                throw new FormatException($"devices[{index}]: deviceId {entry.DeviceId} appears twice");
            }

            entries.Add(entry);
            index++;
        }

        return entries;
    }

    private static DeviceEntry ParseEntry(JsonElement d, int index)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"devices[{index}]: not an object");
        }

        var deviceId = RequiredString(d, "deviceId", index);
        if (!deviceId.All(char.IsAsciiLetterOrDigit))
        {
            throw new FormatException($"devices[{index}]: deviceId must be letters and digits");
        }

        var vehicleClass = VehicleClass.Unknown;
        if (OptionalString(d, "vehicleClass", index) is { } className && !VehicleClassNames.TryParse(className, out vehicleClass))
        {
            throw new FormatException($"devices[{index}]: unknown vehicleClass \"{className}\" (one of {string.Join(", ", VehicleClassNames.AllNames)})");
        }

        TimeSpan? offset = null;
        if (OptionalString(d, "utcOffset", index) is { } offsetText)
        {
            var text = offsetText.StartsWith('+') ? offsetText[1..] : offsetText;
            if (!TimeSpan.TryParseExact(text, [@"hh\:mm", @"\-hh\:mm"], CultureInfo.InvariantCulture, out var parsed))
            {
                throw new FormatException($"devices[{index}]: utcOffset must look like +07:00 or -05:00");
            }

            offset = text.StartsWith('-') ? -parsed : parsed;
        }

        return new DeviceEntry
        {
            DeviceId = deviceId,
            Plate = RequiredString(d, "plate", index),
            VehicleClass = vehicleClass,
            Operator = OptionalString(d, "operator", index),
            Driver = OptionalString(d, "driver", index),
            UtcOffset = offset,
        };
    }

    private static string RequiredString(JsonElement d, string name, int index) =>
        OptionalString(d, name, index) is { Length: > 0 } value ? value : throw new FormatException($"devices[{index}]: \"{name}\" is required");

    private static string? OptionalString(JsonElement d, string name, int index)
    {
        if (!d.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"devices[{index}]: \"{name}\" must be a string");
    }
}
