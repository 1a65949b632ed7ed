using Telematics.Ingest.LiveState;
using Telematics.Ingest.Registry;

namespace Telematics.Ingest.Transport;

/// <summary>
/// Every device the worker knows — registered, connected or heard from — with its connection
/// activity and its newest record: what the worker's <c>GET /devices</c> answers and the
/// dashboard's devices page lists.
/// </summary>
public static class DeviceDirectory
{
    public static IReadOnlyList<DeviceStatus> List(DeviceRegistry registry, DeviceActivity activity, LiveFleetState live)
    {
        var rows = new Dictionary<string, DeviceStatus>(StringComparer.Ordinal);
        foreach (var entry in registry.Entries)
        {
            rows[entry.DeviceId] = new DeviceStatus { DeviceId = entry.DeviceId, Plate = entry.Plate, Operator = entry.Operator, Registered = true };
        }

        foreach (var a in activity.Snapshot())
        {
            var row = rows.GetValueOrDefault(a.DeviceId) ?? new DeviceStatus { DeviceId = a.DeviceId };
            rows[a.DeviceId] = row with
            {
                Protocol = a.Protocol,
                Remote = a.Remote,
                Connected = a.Connected,
                ConnectedSinceUtc = a.ConnectedSinceUtc,
                DisconnectedUtc = a.DisconnectedUtc,
                LastFrameUtc = a.LastFrameUtc,
                Frames = a.Frames,
                BadFrames = a.BadFrames,
            };
        }

        foreach (var v in live.Vehicles)
        {
            var row = rows.GetValueOrDefault(v.Last.DeviceId) ?? new DeviceStatus { DeviceId = v.Last.DeviceId, Plate = v.Vehicle?.Plate, Operator = v.Vehicle?.Operator };
            rows[v.Last.DeviceId] = row with { LastRecordUtc = v.ReceivedUtc, LastPositionTime = v.Last.Time, Records = v.Records };
        }

        return rows.Values.OrderBy(r => r.DeviceId, StringComparer.Ordinal).ToList();
    }
}

/// <summary>One device as the worker knows it; times UTC, null when never seen.</summary>
public sealed record DeviceStatus
{
    public required string DeviceId { get; init; }

    public string? Plate { get; init; }

    public string? Operator { get; init; }

    /// <summary>In the registry file: a device the operator must keep reporting.</summary>
    public bool Registered { get; init; }

    /// <summary>The protocol of its newest TCP connection (null for MQTT-only devices).</summary>
    public string? Protocol { get; init; }

    public string? Remote { get; init; }

    public bool Connected { get; init; }

    public DateTime? ConnectedSinceUtc { get; init; }

    public DateTime? DisconnectedUtc { get; init; }

    public DateTime? LastFrameUtc { get; init; }

    /// <summary>When the server got its newest record (any transport).</summary>
    public DateTime? LastRecordUtc { get; init; }

    /// <summary>The device time of its newest record.</summary>
    public DateTime? LastPositionTime { get; init; }

    public long Frames { get; init; }

    public long BadFrames { get; init; }

    public long Records { get; init; }

    /// <summary>The newest sign of life: a frame or a record, whichever came last.</summary>
    public DateTime? LastSeenUtc => LastFrameUtc is { } f && LastRecordUtc is { } r ? (f > r ? f : r) : LastFrameUtc ?? LastRecordUtc;
}
