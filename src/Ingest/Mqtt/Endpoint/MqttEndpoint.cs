using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>
/// The built-in MQTT endpoint as the rest of the worker sees it: its sessions, its bound ports,
/// and <see cref="PublishCommandAsync"/> to send a device a command on <c>telematics/{deviceId}/commands</c>.
/// Thread-safe.
/// </summary>
public sealed class MqttEndpoint
{
    private readonly List<(ListenOptions Listen, bool Tls)> _listeners = [];
    private int _open;

    public MqttEndpoint(IOptions<MqttOptions> options, TimeProvider time)
    {
        Options = options.Value.Endpoint;
        Sessions = new MqttSessionStore(time);
        Passwords = new MqttPasswordFile(Options.PasswordFile);
    }

    public MqttEndpointOptions Options { get; }

    public MqttSessionStore Sessions { get; }

    public MqttPasswordFile Passwords { get; }

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>The plain MQTT port once Kestrel bound it, or null when the endpoint is disabled.</summary>
    public int? Port => PortOf(tls: false);

    public int? TlsPort => PortOf(tls: true);

    /// <summary>
    /// Publishes <paramref name="payload"/> to the device's command topic. QoS 1 (the default)
    /// waits for the device's PUBACK; a device away with a persistent session gets it when it returns.
    /// </summary>
    public async Task<MqttCommandResult> PublishCommandAsync(string deviceId, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtLeastOnce, CancellationToken cancellationToken = default)
    {
        var session = Sessions.FindByDevice(deviceId);
        if (session is null)
        {
            return MqttCommandResult.NotSubscribed;
        }

        MqttEndpointConnection? connection;
        MqttQos granted;
        lock (session.Sync)
        {
            if (session.CommandSubscription is not { } subscribed)
            {
                return MqttCommandResult.NotSubscribed;
            }

            granted = (MqttQos)Math.Min((int)qos, (int)subscribed);
            connection = session.Connection;
            if (connection is null)
            {
                if (session.QueuedCommands.Count >= Options.MaxQueuedCommands)
                {
                    return MqttCommandResult.NotSubscribed;
                }

                session.QueuedCommands.Enqueue(payload.ToArray());
                return MqttCommandResult.Queued;
            }
        }

        return await connection.SendCommandAsync(payload, granted, Options.CommandAckTimeout, cancellationToken).ConfigureAwait(false);
    }

    internal void AddListener(ListenOptions listen, bool tls)
    {
        lock (_listeners)
        {
            _listeners.Add((listen, tls));
        }
    }

    internal bool TryOpen(int max)
    {
        if (Interlocked.Increment(ref _open) > max)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        return true;
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    private int? PortOf(bool tls)
    {
        lock (_listeners)
        {
            foreach (var (listen, isTls) in _listeners)
            {
                if (isTls == tls)
                {
                    return (listen.EndPoint as IPEndPoint)?.Port;
                }
            }
        }

        return null;
    }
}
