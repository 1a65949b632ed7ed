namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>Bits of the header's body-attributes word (消息体属性).</summary>
internal static class Jt808Attributes
{
    /// <summary>Bits 0-9: body length.</summary>
    public const int BodyLengthMask = 0x03FF;

    /// <summary>Bits 10-12: encryption (bit 10 = RSA).</summary>
    public const int EncryptionMask = 0x1C00;

    /// <summary>Bit 13: the message is one packet of several; count and index follow the serial.</summary>
    public const int SubPackaged = 0x2000;

    /// <summary>Bit 14: 2019 header (version byte, 10-byte terminal number). Reserved (0) in 2013.</summary>
    public const int Version2019 = 0x4000;
}
