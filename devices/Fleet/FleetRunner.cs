using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Telematics.Devices.Links;
using Telematics.Devices.Routes;
using Telematics.Ingest.Protocols;

namespace Telematics.Devices.Fleet;

/// <summary>
/// Drives a fleet of simulated vehicles against a server: each vehicle on its own task, its
/// simulated clock running <see cref="FleetOptions.TimeScale"/> times faster than real time until
/// it catches up with now, reporting over its protocol and checking every ack.
/// </summary>
public sealed class FleetRunner
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly FleetOptions _options;
    private readonly IReadOnlyList<RoutePath> _routes;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, List<DecodedRecord>> _sent = new(StringComparer.Ordinal);

    public FleetRunner(FleetOptions options, IReadOnlyList<RoutePath> routes, ILogger logger, TimeProvider? time = null)
    {
        _options = options;
        _routes = routes;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Vehicles = CreateVehicles();
    }

    public IReadOnlyList<FleetVehicle> Vehicles { get; }

    public FleetStats Stats { get; } = new();

    /// <summary>Every acked record per server device id (when <see cref="FleetOptions.KeepSentRecords"/>).</summary>
    public IReadOnlyDictionary<string, List<DecodedRecord>> SentRecords => _sent;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Vehicles.Select(v => Task.Run(() => DriveAsync(v, cancellationToken), CancellationToken.None)));

    private List<FleetVehicle> CreateVehicles()
    {
        var random = new Random(_options.Seed);
        var start = _time.GetUtcNow().UtcDateTime - _options.Backlog;
        start = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var vehicles = new List<FleetVehicle>();
        for (var i = 0; i < _options.Vehicles; i++)
        {
            var protocol = _options.Protocols[i % _options.Protocols.Count];
            var deviceId = DeviceLinks.DeviceIdFor(protocol, i + 1);
            var behaviours = VehicleBehaviours.None;
            behaviours |= random.NextDouble() < _options.Speeding ? VehicleBehaviours.Speeding : 0;
            behaviours |= random.NextDouble() < _options.LeaveRoute ? VehicleBehaviours.LeaveRoute : 0;
            behaviours |= random.NextDouble() < _options.NoBreaks ? VehicleBehaviours.NoBreaks : 0;
            behaviours |= random.NextDouble() < _options.OfflineFlush ? VehicleBehaviours.OfflineFlush : 0;
            if (_options.Behaviours is { } exact && i < exact.Count)
            {
                behaviours = exact[i];
            }

            var route = _routes[i % _routes.Count];
            var simulated = new SimulatedVehicle(deviceId, route, behaviours, start, _options.Seed * 7919 + i, cruiseKmh: 50 + random.Next(21));
            var port = _options.Ports.TryGetValue(protocol, out var p) ? p : DeviceLinks.DefaultPort(protocol);
            vehicles.Add(new FleetVehicle(protocol, DeviceLinks.ServerIdOf(protocol, deviceId), simulated, new IPEndPoint(IPAddress.Parse(_options.Host), port)));
        }

        return vehicles;
    }

    private async Task DriveAsync(FleetVehicle vehicle, CancellationToken cancellationToken)
    {
        var sim = vehicle.Simulated;
        var simStart = sim.Time;
        var realStart = _time.GetUtcNow().UtcDateTime;
        var pending = new List<DecodedRecord>();
        IDeviceLink? link = null;
        var sent = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && (_options.RecordsPerVehicle == 0 || sent < _options.RecordsPerVehicle))
            {
                var record = sim.Next();
                await WaitForAsync(sim.Time, simStart, realStart, cancellationToken).ConfigureAwait(false);
                pending.Add(record);
                sent++;
                if (sim.IsOffline)
                {
                    // Out of coverage: the device keeps its records and drops the connection.
                    link = await DropAsync(link).ConfigureAwait(false);
                    continue;
                }

                link ??= await ConnectAsync(vehicle, cancellationToken).ConfigureAwait(false);
                if (link is null)
                {
                    continue;
                }

                var buffered = pending.Count > 1;
                try
                {
                    await link.SendAsync(pending, buffered, cancellationToken).ConfigureAwait(false);
                    Stats.OnAcked(pending.Count, buffered);
                    if (_options.KeepSentRecords)
                    {
                        _sent.GetOrAdd(vehicle.DeviceId, _ => []).AddRange(pending);
                    }

                    pending.Clear();
                }
                catch (Exception ex) when (ex is DeviceLinkException or IOException or System.Net.Sockets.SocketException)
                {
                    // As a real device: keep the unacked records and resend them after reconnecting.
                    Stats.OnError();
                    _logger.LogWarning("{Protocol} vehicle {DeviceId}: {Reason}; will reconnect and resend {Count} records", vehicle.Protocol, vehicle.DeviceId, ex.Message, pending.Count);
                    link = await DropAsync(link).ConfigureAwait(false);
                }
            }

            // Flush what is still held before stopping (a vehicle that ends offline comes back once more).
            if (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                link ??= await ConnectAsync(vehicle, cancellationToken).ConfigureAwait(false);
                if (link is not null)
                {
                    await link.SendAsync(pending, buffered: true, cancellationToken).ConfigureAwait(false);
                    Stats.OnAcked(pending.Count, buffered: true);
                    if (_options.KeepSentRecords)
                    {
                        _sent.GetOrAdd(vehicle.DeviceId, _ => []).AddRange(pending);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            await DropAsync(link).ConfigureAwait(false);
        }
    }

    private async Task<IDeviceLink?> ConnectAsync(FleetVehicle vehicle, CancellationToken cancellationToken)
    {
        var link = DeviceLinks.Create(vehicle.Protocol, vehicle.Simulated.DeviceId, vehicle.Server);
        try
        {
            await link.ConnectAsync(cancellationToken).ConfigureAwait(false);
            Stats.OnConnected();
            return link;
        }
        catch (Exception ex) when (ex is DeviceLinkException or IOException or System.Net.Sockets.SocketException)
        {
            Stats.OnError();
            _logger.LogWarning("{Protocol} vehicle {DeviceId} cannot connect to {Server}: {Reason}", vehicle.Protocol, vehicle.DeviceId, vehicle.Server, ex.Message);
            await link.DisposeAsync().ConfigureAwait(false);
            await Task.Delay(ReconnectDelay, _time, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    private async Task<IDeviceLink?> DropAsync(IDeviceLink? link)
    {
        if (link is not null)
        {
            Stats.OnDisconnected();
            await link.DisposeAsync().ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Waits until the simulated time is due in real time: scaled while behind, never ahead of now.</summary>
    private async Task WaitForAsync(DateTime simTime, DateTime simStart, DateTime realStart, CancellationToken cancellationToken)
    {
        var scaled = realStart + TimeSpan.FromTicks((long)((simTime - simStart).Ticks / Math.Max(_options.TimeScale, 1e-6)));
        var due = scaled > simTime ? scaled : simTime;
        var wait = due - _time.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
