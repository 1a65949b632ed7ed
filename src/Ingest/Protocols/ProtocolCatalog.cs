namespace Telematics.Ingest.Protocols;

/// <summary>Every device protocol the worker knows. Adding one is one line here.</summary>
public static class ProtocolCatalog
{
    public static IReadOnlyList<IDeviceProtocol> All { get; } =
    [
        new Jt808.Jt808Protocol(),
    ];

    public static IDeviceProtocol? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
