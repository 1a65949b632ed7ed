namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>AVL IO ids the codec maps to normalised fields, with Teltonika's property names.</summary>
public static class TeltonikaIoId
{
    /// <summary>"Total Odometer", metres.</summary>
    public const ushort TotalOdometer = 16;

    /// <summary>"External Voltage", millivolts (kept raw).</summary>
    public const ushort ExternalVoltage = 66;

    /// <summary>"iButton": the 8-byte id of the driver's key, 0 when none.</summary>
    public const ushort IButton = 78;

    /// <summary>"Ignition": 0 off, 1 on.</summary>
    public const ushort Ignition = 239;

    /// <summary>"Movement": 0 off, 1 on (kept raw).</summary>
    public const ushort Movement = 240;

    /// <summary>"Crash Detection": non-zero when a crash (or its trace) was detected.</summary>
    public const ushort CrashDetection = 247;

    /// <summary>"Unplug": 1 when the device was unplugged from vehicle power.</summary>
    public const ushort Unplug = 252;

    /// <summary>"Green Driving Type": 1 harsh acceleration, 2 harsh braking, 3 harsh cornering.</summary>
    public const ushort GreenDrivingType = 253;

    /// <summary>Green driving type values.</summary>
    public const long GreenDrivingAcceleration = 1;
    public const long GreenDrivingBraking = 2;
    public const long GreenDrivingCornering = 3;

    /// <summary>
    /// Name under which a record's non-zero "event IO ID" (the IO that triggered it) is kept in its IO;
    /// the encoder writes it back as the event id.
    /// </summary>
    public const string EventIoName = "event";
}
