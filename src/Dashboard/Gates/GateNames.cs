namespace Telematics.Dashboard.Gates;

/// <summary>
/// Gate names as the UI shows them. The scenario names gates in English ("Hữu Nghị international
/// border gate"); Vietnamese puts the kind first ("Cửa khẩu quốc tế Hữu Nghị").
/// </summary>
public static class GateNames
{
    private const string International = " international border gate";
    private const string Border = " border gate";

    public static string Display(string gate, string language)
    {
        if (language != "vi")
        {
            return gate;
        }

        if (gate.EndsWith(International, StringComparison.OrdinalIgnoreCase))
        {
            return "Cửa khẩu quốc tế " + gate[..^International.Length];
        }

        return gate.EndsWith(Border, StringComparison.OrdinalIgnoreCase) ? "Cửa khẩu " + gate[..^Border.Length] : gate;
    }
}
