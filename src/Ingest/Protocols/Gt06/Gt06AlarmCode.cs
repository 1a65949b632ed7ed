using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>Alarm codes of the GT06 alarm packets (0x16, 0x26, 0x27, 0xA4), and their meaning as <see cref="DeviceAlarms"/>.</summary>
public static class Gt06AlarmCode
{
    public const byte Normal = 0x00;
    public const byte Sos = 0x01;
    public const byte PowerCut = 0x02;
    public const byte Vibration = 0x03;
    public const byte GeofenceEnter = 0x04;
    public const byte GeofenceExit = 0x05;
    public const byte Overspeed = 0x06;
    public const byte LowBattery = 0x0E;
    public const byte LowBattery2 = 0x0F;
    public const byte PowerOff = 0x11;
    public const byte Tampering = 0x13;
    public const byte Door = 0x14;

    /// <summary>The alarm a code stands for; codes that mean different things per model map to none.</summary>
    public static DeviceAlarms ToDeviceAlarms(byte code) => code switch
    {
        Sos => DeviceAlarms.Sos,
        PowerCut => DeviceAlarms.PowerCut,
        Vibration => DeviceAlarms.Vibration,
        GeofenceEnter => DeviceAlarms.GeofenceEnter,
        GeofenceExit => DeviceAlarms.GeofenceExit,
        Overspeed => DeviceAlarms.Overspeed,
        LowBattery or LowBattery2 => DeviceAlarms.LowBattery,
        PowerOff => DeviceAlarms.PowerOff,
        Tampering => DeviceAlarms.Tampering,
        Door => DeviceAlarms.Door,
        _ => DeviceAlarms.None,
    };
}
