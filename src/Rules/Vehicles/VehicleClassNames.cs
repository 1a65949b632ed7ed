using System.Text;

namespace Telematics.Rules.Vehicles;

/// <summary>Kebab-case names of <see cref="VehicleClass"/> as files and JSON spell them ("tractor-semitrailer").</summary>
public static class VehicleClassNames
{
    private static readonly Dictionary<string, VehicleClass> ByName =
        Enum.GetValues<VehicleClass>().ToDictionary(ToName, c => c, StringComparer.OrdinalIgnoreCase);

    public static string ToName(VehicleClass vehicleClass)
    {
        var pascal = vehicleClass.ToString();
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(pascal[i]));
        }

        return sb.ToString();
    }

    public static bool TryParse(string? name, out VehicleClass vehicleClass)
    {
        if (name is not null && ByName.TryGetValue(name, out vehicleClass))
        {
            return true;
        }

        vehicleClass = VehicleClass.Unknown;
        return false;
    }

    public static IEnumerable<string> AllNames => ByName.Keys;
}
