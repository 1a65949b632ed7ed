namespace Telematics.Ingest.Transport;

/// <summary>One protocol's TCP listener: section <c>Telematics:Listeners:&lt;Protocol&gt;</c> (Teltonika, Gt06, Jt808).</summary>
public sealed class ListenerOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Unset takes the protocol's usual port (Teltonika 5027, GT06 5023, JT808 5015); 0 lets the system pick a free one (tests).</summary>
    public int? Port { get; set; }

    /// <summary>Overrides <see cref="IngestLimits.MaxConnections"/> for this listener when set.</summary>
    public int? MaxConnections { get; set; }
}
