using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Telematics.Ingest.Transport;

/// <summary>The device listeners of this worker, and the ports they are bound to once Kestrel started.</summary>
public sealed class DeviceListeners
{
    private readonly List<(DeviceConnectionHandler Handler, ListenOptions Listen)> _listeners = [];

    public IReadOnlyList<DeviceConnectionHandler> Handlers => _listeners.Select(l => l.Handler).ToArray();

    internal void Add(DeviceConnectionHandler handler, ListenOptions listen) => _listeners.Add((handler, listen));

    /// <summary>The worker's own HTTP listener (health, metrics, live state), when enabled.</summary>
    internal ListenOptions? Http { get; set; }

    /// <summary>The bound port of the worker's HTTP listener (the real one when 0 was configured), or null when disabled.</summary>
    public int? HttpPort => (Http?.EndPoint as IPEndPoint)?.Port;

    /// <summary>The port a protocol's listener is bound to (the real one when 0 was configured), or null when disabled.</summary>
    public int? PortOf(string protocol)
    {
        foreach (var (handler, listen) in _listeners)
        {
            if (string.Equals(handler.Protocol, protocol, StringComparison.OrdinalIgnoreCase))
            {
                return (listen.EndPoint as IPEndPoint)?.Port;
            }
        }

        return null;
    }
}
