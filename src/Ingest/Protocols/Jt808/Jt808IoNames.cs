namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// IO names for the standard additional items the rules care about (overspeed area, area/route
/// entry-exit, road-section driving time). Other items are kept under their numeric id.
/// </summary>
public static class Jt808IoNames
{
    /// <summary>0x11: position type (0 none, 1 circle, 2 rectangle, 3 polygon, 4 road section).</summary>
    public const string OverspeedAreaType = "overspeedAreaType";

    /// <summary>0x11: area or road-section id (present only when the type is not 0).</summary>
    public const string OverspeedAreaId = "overspeedAreaId";

    /// <summary>0x12: position type (1 circle, 2 rectangle, 3 polygon, 4 route).</summary>
    public const string AreaType = "areaType";

    /// <summary>0x12: area or route id.</summary>
    public const string AreaId = "areaId";

    /// <summary>0x12: 0 entering, 1 leaving.</summary>
    public const string AreaDirection = "areaDirection";

    /// <summary>0x13: road-section id.</summary>
    public const string RoadSectionId = "roadSectionId";

    /// <summary>0x13: driving time on the section, seconds.</summary>
    public const string RoadSectionTimeS = "roadSectionTimeS";

    /// <summary>0x13: 0 too short, 1 too long.</summary>
    public const string RoadSectionResult = "roadSectionResult";
}
