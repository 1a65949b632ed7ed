namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// A platform message as a device receives it. For 0x8001 (platform general response):
/// <see cref="ReplySerial"/>, <see cref="ReplyMessageId"/>, <see cref="Result"/> (a <see cref="Jt808Result"/>).
/// For 0x8100 (registration response): <see cref="ReplySerial"/>, <see cref="Result"/>
/// (a <see cref="Jt808RegistrationResult"/>) and <see cref="AuthCode"/> when the result is 0.
/// Other messages (platform commands) carry only the header fields.
/// </summary>
public readonly record struct Jt808Reply(
    ushort MessageId,
    Jt808Version Version,
    string TerminalNumber,
    ushort Serial,
    ushort ReplySerial,
    ushort ReplyMessageId,
    byte Result,
    string? AuthCode)
{
    public bool IsGeneralResponse => MessageId == Jt808MessageId.PlatformGeneralResponse;

    public bool IsRegistrationResponse => MessageId == Jt808MessageId.RegistrationResponse;

    public Jt808Result GeneralResult => (Jt808Result)Result;

    public Jt808RegistrationResult RegistrationResult => (Jt808RegistrationResult)Result;
}
