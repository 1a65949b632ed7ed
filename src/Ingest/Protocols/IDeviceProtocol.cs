namespace Telematics.Ingest.Protocols;

/// <summary>
/// A device protocol: its name (as configuration and the decode command spell it), its usual
/// port, and a factory for per-connection sessions. Adding a protocol means one folder holding
/// an implementation of this, plus one line in <see cref="ProtocolCatalog"/>.
/// </summary>
public interface IDeviceProtocol
{
    /// <summary>Lower-case name: "teltonika", "gt06", "jt808".</summary>
    string Name { get; }

    /// <summary>The TCP port devices are usually configured with.</summary>
    int DefaultPort { get; }

    IProtocolSession CreateSession(SessionOptions options);
}
