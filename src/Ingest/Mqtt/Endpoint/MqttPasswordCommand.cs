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
            var line = MqttPasswordFile.HashLine(id, parse.GetValue(password)!);
            var lines = File.Exists(path)
                ? File.ReadAllLines(path).Where(l => !l.StartsWith(id + ":", StringComparison.Ordinal)).ToList()
                : [];
            lines.Add(line);
            File.WriteAllLines(path, lines);
            Console.WriteLine($"{id}: password set in {path}");
            return 0;
        });
        return command;
    }
}
