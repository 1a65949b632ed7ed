using System.CommandLine;

namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary><c>mqtt-passwd FILE DEVICE_ID PASSWORD</c>: adds or replaces a device's line in the MQTT password file.</summary>
public static class MqttPasswordCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The password file (Telematics:Mqtt:Endpoint:PasswordFile); created if missing" };
        var device = new Argument<string>("device-id") { Description = "The device id (MQTT user name or client id)" };
        var password = new Argument<string>("password") { Description = "The device's password (stored as a salted PBKDF2-SHA256 hash)" };
        var command = new Command("mqtt-passwd", "Add or replace a device's password in the MQTT endpoint's password file") { file, device, password };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            var id = parse.GetValue(device)!;
            if (id.Length == 0 || id.Contains(':', StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"mqtt-passwd: device id '{id}' must not be empty or contain ':'; {path} left as it was");
                return 1;
            }

            try
            {
                Write(path, id, MqttPasswordFile.HashLine(id, parse.GetValue(password)!));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mqtt-passwd: cannot write {path}: {e.Message}");
                return 1;
            }

            Console.WriteLine($"{id}: password set in {path}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Keeps every other line (comments included), drops the device's old line, appends the new
    /// one, and replaces the file in one rename, so that a running worker never reads half a file.
    /// </summary>
    private static void Write(string path, string deviceId, string line)
    {
        var lines = File.Exists(path)
            ? File.ReadAllLines(path).Where(l => !l.StartsWith(deviceId + ":", StringComparison.Ordinal)).ToList()
            : [];
        lines.Add(line);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, lines);
        if (File.Exists(path) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
        }

        File.Move(temporary, path, overwrite: true);
    }
}
