using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Fleet;
using Telematics.Dashboard.Map;
using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Tests.Map;

public sealed class MapFeedTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
    private readonly FakeFleet _fleet = new();
    private readonly FixedClock _clock = new(Now);
    private readonly MapOptions _options = new() { ClientQueueFrames = 4, ReplayFrames = 4 };
    private readonly MapFeed _feed;

    public MapFeedTests()
    {
        var options = Options.Create(_options);
        var index = new OpenCaseIndex(new ServiceCollection().BuildServiceProvider(), options, _clock, NullLogger<OpenCaseIndex>.Instance);
        _feed = new MapFeed(_fleet, index, _clock, options);
    }

    [Fact]
    public async Task A_tick_sends_only_the_vehicles_that_changed()
    {
        _fleet.Set("a", 21.8, 106.7, 50);
        _fleet.Set("b", 21.9, 106.8, 0);
        _feed.Tick();
        using var subscription = _feed.Subscribe(_feed.Sequence);

        _fleet.Set("b", 21.9, 106.8, 20);
        _feed.Tick();
        var frame = await subscription.NextAsync(CancellationToken.None);

        using var json = JsonDocument.Parse(frame.Json);
        Assert.Equal("delta", frame.Event);
        Assert.Equal(2, frame.Seq);
        Assert.Equal([1, 2190000, 10680000, 20, 0, 0], json.RootElement.GetProperty("v").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0, json.RootElement.GetProperty("n").GetArrayLength());
        Assert.Null(_feed.Tick());
    }

    [Fact]
    public async Task A_slow_client_gets_one_snapshot_instead_of_an_ever_growing_queue()
    {
        _fleet.Set("a", 21.8, 106.7, 50);
        _feed.Tick();
        using var subscription = _feed.Subscribe(_feed.Sequence);

        for (var i = 1; i <= 50; i++)
        {
            _fleet.Set("a", 21.8 + (i * 0.001), 106.7, 50);
            _feed.Tick();
        }

        var first = await subscription.NextAsync(CancellationToken.None);
        _fleet.Set("a", 22.0, 106.7, 50);
        _feed.Tick();
        var second = await subscription.NextAsync(CancellationToken.None);

        Assert.Equal("snapshot", first.Event);
        Assert.Equal(51, first.Seq);
        using (var snapshot = JsonDocument.Parse(first.Json))
        {
            Assert.Equal(2185000, snapshot.RootElement.GetProperty("v")[0].GetInt32());
        }

        Assert.Equal(("delta", 52L), (second.Event, second.Seq));
        Assert.Equal(1, subscription.Resyncs);
    }

    [Fact]
    public async Task A_reconnecting_client_continues_from_its_last_frame_without_a_snapshot()
    {
        _fleet.Set("a", 21.8, 106.7, 50);
        _feed.Tick();
        var position = _feed.Sequence;
        _fleet.Set("a", 21.81, 106.7, 50);
        _feed.Tick();
        _fleet.Set("a", 21.82, 106.7, 50);
        _feed.Tick();

        using var subscription = _feed.Subscribe(position);

        Assert.Equal(("delta", 2L), ((await subscription.NextAsync(CancellationToken.None)).Event, subscription.Position));
        Assert.Equal(("delta", 3L), ((await subscription.NextAsync(CancellationToken.None)).Event, subscription.Position));
    }

    [Fact]
    public void A_vehicle_silent_for_longer_than_the_offline_time_is_offline_whatever_else_holds()
    {
        var options = new MapOptions();

        Assert.Equal(MapVehicleState.Offline, MapVehicleStates.Of(60, Now.AddMinutes(-10).AddSeconds(-1), inViolation: true, Now, options));
        Assert.Equal(MapVehicleState.Violation, MapVehicleStates.Of(60, Now.AddMinutes(-10), inViolation: true, Now, options));
        Assert.Equal(MapVehicleState.Moving, MapVehicleStates.Of(3, Now, inViolation: false, Now, options));
        Assert.Equal(MapVehicleState.Stopped, MapVehicleStates.Of(2.9, Now, inViolation: false, Now, options));
    }

    [Fact]
    public void An_offline_vehicle_changes_state_on_a_tick_without_a_new_report()
    {
        _fleet.Set("a", 21.8, 106.7, 50);
        _feed.Tick();

        _clock.Now = Now.AddMinutes(11);
        var frame = _feed.Tick();

        Assert.NotNull(frame);
        using var json = JsonDocument.Parse(frame.Json);
        Assert.Equal(2, json.RootElement.GetProperty("v")[5].GetInt32());
    }

    private sealed class FakeFleet : IFleetView
    {
        private readonly Dictionary<string, LiveVehicle> _vehicles = new(StringComparer.Ordinal);

        public void Set(string id, double lat, double lon, double speed) =>
            _vehicles[id] = new LiveVehicle(id, "P-" + id, null, null, null, Now, lat, lon, speed, 0, true, Now);

        public IReadOnlyList<LiveVehicle> Vehicles() => _vehicles.Values.ToList();

        public LiveVehicle? Vehicle(string deviceId) => _vehicles.GetValueOrDefault(deviceId);

        public IReadOnlyList<GateZoneFigures> Gates() => [];
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => new(Now);
    }
}
