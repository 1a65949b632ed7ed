using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Cases;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Registry;
using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Engine;
using Telematics.Rules.GateQueues;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Violations;

/// <summary>
/// Runs the rules live on the pipeline: per vehicle, in device-time order (late records are
/// history and skipped), writing raised cases to the case store and gate visits to the gate
/// board. Rule state is loaded at start and saved periodically and at shutdown, so that a restart
/// mid-episode neither loses nor repeats the case (case ids are stable, inserts idempotent).
/// </summary>
public sealed partial class RulesConsumer : IPositionConsumer, IHostedService, IDisposable
{
    private const string VehicleKeyPrefix = "vehicle:";
    private const string DriverKeyPrefix = "driver:";

    private readonly ScenarioSource _scenario;
    private readonly SqliteCaseStore _store;
    private readonly GateBoard _gates;
    private readonly RulesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RulesConsumer> _logger;
    [ThreadStatic]
    private static List<RaisedCase>? t_raised;

    [ThreadStatic]
    private static List<GateVisit>? t_visits;

    private readonly ConcurrentDictionary<string, VehicleRuleState> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);

    // Per driver: a driver's positions can come from two vehicles (two partitions), so each
    // account is stepped under its own lock.
    private readonly ConcurrentDictionary<string, DriverAccount> _drivers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _dirtyDrivers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DeviceEntry? Entry, VehicleInfo Info)> _vehicles = new(StringComparer.Ordinal);
    private readonly Counter<long> _casesRaised;
    private readonly Meter _meter;
    private readonly ICaseObserver[] _observers;
    private CancellationTokenSource? _stopping;
    private Task _saving = Task.CompletedTask;
    private readonly Lock _stopLock = new();
    private Task? _stopped;

    public RulesConsumer(ScenarioSource scenario, SqliteCaseStore store, GateBoard gates, IOptions<RulesOptions> options, TimeProvider time, ILogger<RulesConsumer> logger, IMeterFactory? meters = null, IEnumerable<ICaseObserver>? observers = null)
    {
        _observers = observers?.ToArray() ?? [];
        _scenario = scenario;
        _store = store;
        _gates = gates;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _meter = meters?.Create("Telematics.Rules") ?? new Meter("Telematics.Rules");
        _casesRaised = _meter.CreateCounter<long>("telematics.rules.cases", "{case}", "Cases raised by the rules");
    }

    public long CasesRaised { get; private set; }

    /// <summary>
    /// A copy of one driver's driving-time state (the key is <see cref="RuleEngine.DriverKey"/>), for
    /// the dashboard to read today's driving. False for a driver not seen since the start.
    /// </summary>
    public bool TryGetDriving(string driverKey, out DrivingTimeState state)
    {
        if (_drivers.TryGetValue(driverKey, out var account))
        {
            lock (account)
            {
                state = account.State;
            }

            return true;
        }

        state = default;
        return false;
    }

    public async ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken)
    {
        if (position.Late)
        {
            return;
        }

        var record = position.Record;
        var vehicle = VehicleOf(record.DeviceId, position.Vehicle);
        // Reused per thread: the steps below are synchronous; only what they raised is copied
        // out before the first await (cases are rare, so records allocate nothing here).
        var raised = t_raised ??= [];
        var visits = t_visits ??= [];
        raised.Clear();
        visits.Clear();
        var engine = _scenario.Engine;
        var state = _states.GetValueOrDefault(record.DeviceId);
        _states[record.DeviceId] = engine.Step(state, record, vehicle, raised, visits);
        _dirty[record.DeviceId] = 0;
        var driverKey = RuleEngine.DriverKey(record, vehicle);
        var account = _drivers.GetOrAdd(driverKey, _ => new DriverAccount());
        lock (account)
        {
            account.State = engine.StepDriver(account.State, record, vehicle, raised);
        }

        _dirtyDrivers[driverKey] = 0;
        foreach (var visit in visits)
        {
            _gates.Apply(visit);
        }

        if (raised.Count == 0)
        {
            return;
        }

        foreach (var c in raised.ToArray())
        {
            await StoreAsync(c).ConfigureAwait(false);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, json) in await _store.LoadStatesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (key.StartsWith(VehicleKeyPrefix, StringComparison.Ordinal))
            {
                _states[key[VehicleKeyPrefix.Length..]] = JsonSerializer.Deserialize<VehicleRuleState>(json);
            }
            else if (key.StartsWith(DriverKeyPrefix, StringComparison.Ordinal))
            {
                _drivers[key[DriverKeyPrefix.Length..]] = new DriverAccount { State = JsonSerializer.Deserialize<DrivingTimeState>(json) };
            }
        }

        LogStatesLoaded(_states.Count, _store.Path);
        _stopping = new CancellationTokenSource();
        _saving = SavePeriodicallyAsync(_stopping.Token);
    }

    /// <summary>
    /// Saves every vehicle's state. Called after the pipeline has drained (it is registered before
    /// it). Runs once: a host stopped twice (a test host and its entry point both stop it) gets
    /// the same save.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopLock)
        {
            return _stopped ??= StopOnceAsync();
        }
    }

    private async Task StopOnceAsync()
    {
        if (_stopping is not null)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _saving.ConfigureAwait(false);
        }

        await SaveDirtyAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping?.Dispose();
        _meter.Dispose();
    }

    private async Task StoreAsync(RaisedCase c)
    {
        CasesRaised++;
        _casesRaised.Add(1, new KeyValuePair<string, object?>("kind", c.Kind));
        try
        {
            var added = await _store.AddAsync(c, _time.GetUtcNow().UtcDateTime).ConfigureAwait(false);
            if (added)
            {
                LogCaseRaised(c.Kind, c.CaseId, c.Plate ?? c.DeviceId, c.Corridor);
                foreach (var observer in _observers)
                {
                    observer.OnCaseStored(c);
                }
            }
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            LogCaseNotStored(ex, c.CaseId);
        }
    }

    private VehicleInfo VehicleOf(string deviceId, DeviceEntry? entry)
    {
        if (_vehicles.TryGetValue(deviceId, out var cached) && ReferenceEquals(cached.Entry, entry))
        {
            return cached.Info;
        }

        var info = entry is null
            ? VehicleInfo.Unknown(deviceId)
            : new VehicleInfo(deviceId, entry.Plate, entry.VehicleClass, entry.Operator, entry.Driver);
        _vehicles[deviceId] = (entry, info);
        return info;
    }

    private async Task SavePeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.StateSaveInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await SaveDirtyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the final save follows.
        }
    }

    private async Task SaveDirtyAsync(CancellationToken cancellationToken)
    {
        var states = new List<KeyValuePair<string, string>>();
        foreach (var key in _dirty.Keys)
        {
            _dirty.TryRemove(key, out _);
            states.Add(KeyValuePair.Create(VehicleKeyPrefix + key, JsonSerializer.Serialize(_states[key])));
        }

        foreach (var key in _dirtyDrivers.Keys)
        {
            _dirtyDrivers.TryRemove(key, out _);
            var account = _drivers[key];
            string json;
            lock (account)
            {
                json = JsonSerializer.Serialize(account.State);
            }

            states.Add(KeyValuePair.Create(DriverKeyPrefix + key, json));
        }

        if (states.Count > 0)
        {
            await _store.SaveStatesAsync(states, _time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One driver's hours, stepped under its own lock.</summary>
    private sealed class DriverAccount
    {
        public DrivingTimeState State { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Kind} {CaseId} raised for {Vehicle} on {Corridor}")]
    private partial void LogCaseRaised(string kind, string caseId, string vehicle, string? corridor);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case {CaseId} could not be stored")]
    private partial void LogCaseNotStored(Exception ex, string caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule state of {Count} vehicles restored from {Path}")]
    private partial void LogStatesLoaded(int count, string path);
}
