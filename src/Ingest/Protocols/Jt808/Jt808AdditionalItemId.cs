namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>Ids of the additional-information items (附加信息) that follow the 28-byte basic part of a location report.</summary>
public static class Jt808AdditionalItemId
{
    /// <summary>Mileage (里程), u32 in 1/10 km.</summary>
    public const byte Mileage = 0x01;

    /// <summary>Fuel (油量), u16 in 1/10 L.</summary>
    public const byte Fuel = 0x02;

    /// <summary>Tachograph speed (行驶记录功能获取的速度), u16 in 1/10 km/h.</summary>
    public const byte TachographSpeed = 0x03;

    /// <summary>Overspeed alarm detail (超速报警附加信息): position type, then a u32 area/route id when the type is not 0.</summary>
    public const byte OverspeedDetail = 0x11;

    /// <summary>Area/route entry or exit (进出区域/路线报警附加信息): type, u32 id, direction.</summary>
    public const byte AreaEntryExit = 0x12;

    /// <summary>Road-section driving time too short or long (路段行驶时间不足/过长): u32 section id, u16 time in s, result.</summary>
    public const byte RoadSectionTime = 0x13;

    /// <summary>Network signal strength (无线通信网络信号强度).</summary>
    public const byte SignalStrength = 0x30;

    /// <summary>GNSS satellite count (GNSS 定位卫星数).</summary>
    public const byte SatelliteCount = 0x31;
}
