namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// The body of a 0x0100 registration. Text fields are ASCII (the standard's GBK is a superset),
/// padded with 0x00 to their fixed sizes: manufacturer 5/11, model 20/30, terminal id 7/30
/// bytes in 2013/2019; longer values are cut.
/// </summary>
public sealed record Jt808Registration
{
    public ushort Province { get; init; }

    public ushort City { get; init; }

    public string Manufacturer { get; init; } = "TLMTC";

    public string Model { get; init; } = "SIM-808";

    public string TerminalId { get; init; } = "SIM0001";

    /// <summary>Plate colour (0 = no plate: <see cref="Plate"/> holds the VIN).</summary>
    public byte PlateColor { get; init; } = 1;

    public string Plate { get; init; } = string.Empty;
}
