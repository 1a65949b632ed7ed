using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Telematics.Dashboard.Hosting;

/// <summary>The dashboard's own HTTP listener: its bound port (the real one when 0 was configured), for logs and tests.</summary>
public sealed class DashboardListener
{
    internal ListenOptions? Options { get; set; }

    public int? Port => (Options?.EndPoint as IPEndPoint)?.Port;
}
