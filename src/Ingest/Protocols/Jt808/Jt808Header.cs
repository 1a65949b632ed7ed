using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>A message header (消息头) as parsed from unescaped content, with offsets into that content.</summary>
internal readonly struct Jt808Header
{
    public const int Length2013 = 12;

    private Jt808Header(ushort messageId, ushort attributes, byte protocolVersion, int terminalOffset, int terminalLength, ushort serial, int length)
    {
        MessageId = messageId;
        Attributes = attributes;
        ProtocolVersion = protocolVersion;
        TerminalOffset = terminalOffset;
        TerminalLength = terminalLength;
        Serial = serial;
        Length = length;
    }

    public ushort MessageId { get; }

    public ushort Attributes { get; }

    /// <summary>The 2019 version byte (0 for 2013 headers).</summary>
    public byte ProtocolVersion { get; }

    public int TerminalOffset { get; }

    /// <summary>6 (2013) or 10 (2019) bytes of BCD.</summary>
    public int TerminalLength { get; }

    public ushort Serial { get; }

    /// <summary>Header length in bytes: where the body starts.</summary>
    public int Length { get; }

    public bool Is2019 => (Attributes & Jt808Attributes.Version2019) != 0;

    public int BodyLength => Attributes & Jt808Attributes.BodyLengthMask;

    public bool IsEncrypted => (Attributes & Jt808Attributes.EncryptionMask) != 0;

    public bool IsSubPackaged => (Attributes & Jt808Attributes.SubPackaged) != 0;

    /// <summary>Parses the header at the start of <paramref name="message"/> (header and body, checksum excluded).</summary>
    public static bool TryParse(ReadOnlySpan<byte> message, out Jt808Header header)
    {
        header = default;
        if (message.Length < Length2013)
        {
            return false;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var attributes = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var p = 4;
        byte version = 0;
        var terminalLength = 6;
        if ((attributes & Jt808Attributes.Version2019) != 0)
        {
            version = message[p++];
            terminalLength = 10;
        }

        var length = p + terminalLength + 2 + ((attributes & Jt808Attributes.SubPackaged) != 0 ? 4 : 0);
        if (message.Length < length)
        {
            return false;
        }

        var serial = BinaryPrimitives.ReadUInt16BigEndian(message[(p + terminalLength)..]);
        header = new Jt808Header(id, attributes, version, p, terminalLength, serial, length);
        return true;
    }
}
