namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>Teltonika FMB/FMC/FMM… devices over TCP: IMEI login, AVL packets in Codec 8, 8 Extended and 16.</summary>
public sealed class TeltonikaProtocol : IDeviceProtocol
{
    public string Name => "teltonika";

    public int DefaultPort => 5027;

    public IProtocolSession CreateSession(SessionOptions options) => new TeltonikaSession(options);
}
