namespace Telematics.Rules.Positions;

/// <summary>The camelCase names the normalised record contract uses for <see cref="DeviceAlarms"/>.</summary>
public static class DeviceAlarmNames
{
    private static readonly (DeviceAlarms Flag, string Name)[] Table = BuildTable();

    public static IReadOnlyList<string> ToNames(DeviceAlarms alarms)
    {
        if (alarms == DeviceAlarms.None)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var (flag, name) in Table)
        {
            if ((alarms & flag) != 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    public static bool TryParse(string name, out DeviceAlarms alarm)
    {
        foreach (var (flag, n) in Table)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                alarm = flag;
                return true;
            }
        }

        alarm = DeviceAlarms.None;
        return false;
    }

    private static (DeviceAlarms, string)[] BuildTable()
    {
        var flags = Enum.GetValues<DeviceAlarms>().Where(f => f != DeviceAlarms.None).ToArray();
        return flags.Select(f =>
        {
            var n = f.ToString();
            return (f, char.ToLowerInvariant(n[0]) + n[1..]);
        }).ToArray();
    }
}
