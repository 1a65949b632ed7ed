using System.Buffers;
using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// The platform's replies. They copy the request's header format (2013 or 2019 with its version
/// byte, the terminal number as received) and carry the platform's own serial.
/// </summary>
internal static class Jt808PlatformReplies
{
    /// <summary>0x8001: reply serial, replied message id, result.</summary>
    public static void WriteGeneralResponse(
        IBufferWriter<byte> output, in Jt808Header request, ReadOnlySpan<byte> terminalNumber, ushort serial, Jt808Result result)
    {
        Span<byte> body = stackalloc byte[5];
        BinaryPrimitives.WriteUInt16BigEndian(body, request.Serial);
        BinaryPrimitives.WriteUInt16BigEndian(body[2..], request.MessageId);
        body[4] = (byte)result;
        Jt808Framing.WriteFrame(
            output, Jt808MessageId.PlatformGeneralResponse, request.Is2019, request.ProtocolVersion, terminalNumber, serial, body);
    }

    /// <summary>0x8100: reply serial, result, and the auth code only when the result is <see cref="Jt808RegistrationResult.Ok"/>.</summary>
    public static void WriteRegistrationResponse(
        IBufferWriter<byte> output,
        in Jt808Header request,
        ReadOnlySpan<byte> terminalNumber,
        ushort serial,
        Jt808RegistrationResult result,
        ReadOnlySpan<byte> authCode)
    {
        var code = result == Jt808RegistrationResult.Ok ? authCode : default;
        Span<byte> body = stackalloc byte[3 + Jt808Session.MaxAuthCodeLength];
        body = body[..(3 + code.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(body, request.Serial);
        body[2] = (byte)result;
        code.CopyTo(body[3..]);
        Jt808Framing.WriteFrame(
            output, Jt808MessageId.RegistrationResponse, request.Is2019, request.ProtocolVersion, terminalNumber, serial, body);
    }
}
