namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// What a simulated device puts in each frame's header: its terminal number (decimal digits,
/// up to 12 for 2013 or 20 for 2019, padded with leading zeros on the wire), the message serial
/// (the device increments it per message), the header format and the 2019 version byte.
/// </summary>
public readonly record struct Jt808FrameHeader(
    string TerminalNumber, ushort Serial, Jt808Version Version = Jt808Version.V2013, byte ProtocolVersion = 1)
{
    /// <summary>The same header with the next serial.</summary>
    public Jt808FrameHeader Next() => this with { Serial = unchecked((ushort)(Serial + 1)) };
}
