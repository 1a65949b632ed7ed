using Telematics.Ingest.Protocols;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>A gate that admits a fixed set of ids (or everything) and counts how often it is asked.</summary>
internal sealed class Jt808TestGate : IDeviceGate
{
    private readonly HashSet<string>? _admitted;
    private readonly TimeSpan? _utcOffset;

    public Jt808TestGate(IEnumerable<string>? admitted = null, TimeSpan? utcOffset = null)
    {
        _admitted = admitted?.ToHashSet();
        _utcOffset = utcOffset;
    }

    public List<string> Asked { get; } = [];

    public bool Admit(string deviceId)
    {
        Asked.Add(deviceId);
        return _admitted is null || _admitted.Contains(deviceId);
    }

    public TimeSpan? UtcOffset(string deviceId) => _utcOffset;
}
