namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>Result byte of a registration response (0x8100). Only <see cref="Ok"/> carries an auth code.</summary>
public enum Jt808RegistrationResult : byte
{
    Ok = 0,
    VehicleAlreadyRegistered = 1,
    VehicleNotInDatabase = 2,
    TerminalAlreadyRegistered = 3,
    TerminalNotInDatabase = 4,
}
