namespace Telematics.Ingest.Mqtt.Endpoint;

/// <summary>
/// Sessions by client id, and the latest session of each device (where its commands go).
/// Attaching a connection to a client id that has one takes the old connection over (5.0 §3.1.4).
/// Thread-safe: connects and disconnects are rare, so one lock serves.
/// </summary>
public sealed class MqttSessionStore(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, MqttEndpointSession> _byClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MqttEndpointSession> _byDevice = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byClient.Count;
            }
        }
    }

    /// <summary>Attaches <paramref name="connection"/>; returns the session, whether it was present, and the connection it took over.</summary>
    public (MqttEndpointSession Session, bool Present, MqttEndpointConnection? Previous) Attach(
        string clientId, string deviceId, bool cleanStart, bool persistent, uint expirySeconds, MqttEndpointConnection connection)
    {
        lock (_lock)
        {
            MqttEndpointConnection? previous = null;
            var present = false;
            if (_byClient.TryGetValue(clientId, out var session))
            {
                previous = session.Connection;
                if (cleanStart || session.DeviceId != deviceId || session.IsExpired(time.GetUtcNow()))
                {
                    Remove(session);
                    session = null;
                }
            }

            if (session is null)
            {
                session = new MqttEndpointSession(clientId, deviceId);
                _byClient[clientId] = session;
            }
            else
            {
                present = true;
            }

            _byDevice[deviceId] = session;
            session.Persistent = persistent;
            session.ExpirySeconds = expirySeconds;
            session.DisconnectedAt = null;
            session.Connection = connection;
            return (session, present, previous);
        }
    }

    /// <summary>The connection ended: a non-persistent session goes, a persistent one waits for its client.</summary>
    public void Detach(MqttEndpointSession session, MqttEndpointConnection connection)
    {
        lock (_lock)
        {
            if (session.Connection != connection)
            {
                return; // taken over: the new connection owns the session now
            }

            session.Connection = null;
            if (!session.Persistent || session.ExpirySeconds == 0)
            {
                Remove(session);
            }
            else
            {
                session.DisconnectedAt = time.GetUtcNow();
            }
        }
    }

    public MqttEndpointSession? FindByDevice(string deviceId)
    {
        lock (_lock)
        {
            if (!_byDevice.TryGetValue(deviceId, out var session))
            {
                return null;
            }

            if (session.IsExpired(time.GetUtcNow()))
            {
                Remove(session);
                return null;
            }

            return session;
        }
    }

    private void Remove(MqttEndpointSession session)
    {
        if (_byClient.TryGetValue(session.ClientId, out var s) && s == session)
        {
            _byClient.Remove(session.ClientId);
        }

        if (_byDevice.TryGetValue(session.DeviceId, out var d) && d == session)
        {
            _byDevice.Remove(session.DeviceId);
        }
    }
}
