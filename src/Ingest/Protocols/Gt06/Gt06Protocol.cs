namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>Concox GT06 and its clones (GT06N, Jimi IoT): binary frames <c>78 78</c> / <c>79 79</c> with CRC-16/X-25.</summary>
public sealed class Gt06Protocol : IDeviceProtocol
{
    public const string ProtocolName = "gt06";
    public const int Port = 5023;

    public string Name => ProtocolName;

    public int DefaultPort => Port;

    public IProtocolSession CreateSession(SessionOptions options) => new Gt06Session(options);
}
