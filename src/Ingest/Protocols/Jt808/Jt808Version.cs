namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>Header format: 2013 (6-byte terminal number, also 2011) or 2019 (attribute bit 14, version byte, 10-byte terminal number).</summary>
public enum Jt808Version
{
    V2013,
    V2019,
}
