namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>JT/T 808 (2011/2013 and 2019 headers) over TCP: 0x7E-delimited, escaped frames with an XOR checksum.</summary>
public sealed class Jt808Protocol : IDeviceProtocol
{
    public string Name => "jt808";

    public int DefaultPort => 5015;

    public IProtocolSession CreateSession(SessionOptions options) => new Jt808Session(options);
}
