namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>JT/T 808 message ids, named as the standard names them (2013 and 2019 editions).</summary>
public static class Jt808MessageId
{
    /// <summary>Terminal general response (终端通用应答).</summary>
    public const ushort TerminalGeneralResponse = 0x0001;

    /// <summary>Terminal heartbeat (终端心跳), empty body.</summary>
    public const ushort Heartbeat = 0x0002;

    /// <summary>Terminal logout (终端注销), empty body.</summary>
    public const ushort Logout = 0x0003;

    /// <summary>Terminal registration (终端注册).</summary>
    public const ushort Registration = 0x0100;

    /// <summary>Terminal authentication (终端鉴权).</summary>
    public const ushort Authentication = 0x0102;

    /// <summary>Terminal attributes query response (查询终端属性应答).</summary>
    public const ushort TerminalAttributes = 0x0107;

    /// <summary>Location information report (位置信息汇报).</summary>
    public const ushort LocationReport = 0x0200;

    /// <summary>Location query response (位置信息查询应答).</summary>
    public const ushort LocationQueryResponse = 0x0201;

    /// <summary>Batch upload of location data (定位数据批量上传).</summary>
    public const ushort LocationBatch = 0x0704;

    /// <summary>Data uplink pass-through (数据上行透传).</summary>
    public const ushort UplinkPassThrough = 0x0900;

    /// <summary>Platform general response (平台通用应答).</summary>
    public const ushort PlatformGeneralResponse = 0x8001;

    /// <summary>Terminal registration response (终端注册应答).</summary>
    public const ushort RegistrationResponse = 0x8100;
}
