namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>The codec id byte that opens the data of a Teltonika AVL packet.</summary>
public enum TeltonikaCodecId : byte
{
    /// <summary>"Codec 8": 1-byte IO ids and counts.</summary>
    Codec8 = 0x08,

    /// <summary>"Codec 8 Extended": 2-byte IO ids and counts, plus a variable-length IO group.</summary>
    Codec8Extended = 0x8E,

    /// <summary>"Codec 16": 2-byte IO ids, 1-byte counts, a generation type after the event id.</summary>
    Codec16 = 0x10,

    /// <summary>"Codec 12": GPRS commands and their responses (no records, no ack).</summary>
    Codec12 = 0x0C,

    /// <summary>"Codec 13": Codec 12 with a timestamp (no records, no ack).</summary>
    Codec13 = 0x0D,
}
