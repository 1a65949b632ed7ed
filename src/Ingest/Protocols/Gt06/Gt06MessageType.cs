namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>GT06 protocol numbers (the byte after the length), with the Concox documents' names.</summary>
public static class Gt06MessageType
{
    /// <summary>Login message: BCD IMEI, type code, optional time-zone extension.</summary>
    public const byte Login = 0x01;

    /// <summary>GPS information (GPS block only; some firmwares append two bytes).</summary>
    public const byte Gps = 0x10;

    /// <summary>LBS information; the variants we see carry a GPS block first.</summary>
    public const byte Lbs = 0x11;

    /// <summary>GPS and LBS combined information (location data).</summary>
    public const byte GpsLbs = 0x12;

    /// <summary>Status information (heartbeat): terminal info, voltage, GSM signal, alarm/language.</summary>
    public const byte Heartbeat = 0x13;

    /// <summary>Alarm data: GPS block, LBS with its own length, terminal info, voltage, GSM, alarm, language.</summary>
    public const byte Alarm = 0x16;

    /// <summary>GPS, LBS and status combined, multi-fence alarm (same layout as <see cref="Alarm"/>).</summary>
    public const byte AlarmMultiFence = 0x26;

    /// <summary>GPS, LBS and status combined, third variant (same layout as <see cref="Alarm"/>).</summary>
    public const byte AlarmStatus3 = 0x27;

    /// <summary>GPS and LBS combined information, newer layout: LBS then ACC, upload mode, re-upload flag.</summary>
    public const byte GpsLbs2 = 0x22;

    /// <summary>GPS and LBS combined information, third variant (GPS block decoded, rest model-dependent).</summary>
    public const byte GpsLbs3 = 0x37;

    /// <summary>Multi-fence alarm for 4G terminals (same layout as <see cref="Alarm"/>, wider LBS).</summary>
    public const byte AlarmMultiFence4G = 0xA4;
}
