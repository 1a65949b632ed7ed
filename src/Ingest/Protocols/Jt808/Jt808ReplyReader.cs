using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// The device side of the platform's answers: cuts frames from the received bytes and parses
/// 0x8001 and 0x8100, so a simulated device can check every ack (serial, message id, result).
/// </summary>
public static class Jt808ReplyReader
{
    /// <summary>Cuts the next 0x7E-delimited frame off <paramref name="buffer"/>; false (bytes kept) until one is complete. Garbage before it is dropped.</summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        Jt808Framing.TryReadFrame(ref buffer, out frame, out _, Jt808Framing.MaxContentLength * 2 + 2);

    /// <summary>Parses one whole frame (0x7E to 0x7E, escaped); false when it is malformed or its checksum is wrong.</summary>
    public static bool TryParse(in ReadOnlySequence<byte> frame, out Jt808Reply reply)
    {
        reply = default;
        var content = new byte[Jt808Framing.MaxContentLength];
        if (Jt808Framing.Unescape(frame, content, out var length) is not null || length < Jt808Header.Length2013 + 1)
        {
            return false;
        }

        var message = content.AsSpan(0, length - 1);
        if (Jt808Framing.Xor(message) != content[length - 1]
            || !Jt808Header.TryParse(message, out var header)
            || header.BodyLength != message.Length - header.Length)
        {
            return false;
        }

        var body = message[header.Length..];
        ushort replySerial = 0, replyId = 0;
        byte result = 0;
        string? authCode = null;
        switch (header.MessageId)
        {
            case Jt808MessageId.PlatformGeneralResponse:
                if (body.Length < 5)
                {
                    return false;
                }

                replySerial = BinaryPrimitives.ReadUInt16BigEndian(body);
                replyId = BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
                result = body[4];
                break;
            case Jt808MessageId.RegistrationResponse:
                if (body.Length < 3)
                {
                    return false;
                }

                replySerial = BinaryPrimitives.ReadUInt16BigEndian(body);
                replyId = Jt808MessageId.Registration;
                result = body[2];
                authCode = result == 0 ? Encoding.ASCII.GetString(body[3..]) : null;
                break;
        }

        reply = new Jt808Reply(
            header.MessageId,
            header.Is2019 ? Jt808Version.V2019 : Jt808Version.V2013,
            Jt808TerminalNumber.ToDigits(message.Slice(header.TerminalOffset, header.TerminalLength)),
            header.Serial,
            replySerial,
            replyId,
            result,
            authCode);
        return true;
    }

    /// <summary>Parses one whole frame held in an array or span.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out Jt808Reply reply) =>
        TryParse(new ReadOnlySequence<byte>(frame.ToArray()), out reply);
}
