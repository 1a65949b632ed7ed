using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Reports;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Reports;

/// <summary>Kilometres driven per vehicle and local day, as the monthly reports read them.</summary>
public sealed class DistanceLedgerTests : IDisposable
{
    private const string Device = "356307040000001";

    // One hundredth of a degree of latitude along a meridian, on the mean sphere GeoDistance uses.
    private const double StepM = 6_371_008.8 * 0.01 * Math.PI / 180;

    private static readonly DeviceEntry Truck = new() { DeviceId = Device, Plate = "12C-123.45", VehicleClass = VehicleClass.Truck, Operator = "Vận tải Hữu Nghị" };
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "telematics-ledger-" + Guid.NewGuid().ToString("N"));
    private readonly DistanceDailyStore _store;
    private readonly DistanceLedger _ledger;

    public DistanceLedgerTests()
    {
        _store = new DistanceDailyStore(Path.Combine(_directory, "cases.db"));
        _ledger = new DistanceLedger(_store, Options.Create(new DistanceLedgerOptions()), NullLogger<DistanceLedger>.Instance);
    }

    [Fact]
    public async Task Sums_the_exact_distance_of_a_known_track_into_its_local_day()
    {
        // 03:00 UTC = 10:00 in Hà Nội time, 10 steps north of 0.01° each, one a minute (67 km/h).
        var start = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i <= 10; i++)
        {
            await Feed(start.AddMinutes(i), 21.80 + (0.01 * i));
        }

        await _ledger.FlushAsync();

        var day = Assert.Single(await _store.RangeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)));
        Assert.Equal((Device, new DateOnly(2026, 11, 28), "Vận tải Hữu Nghị", "12C-123.45"), (day.DeviceId, day.Day, day.Operator, day.Plate));
        Assert.Equal(10 * StepM, day.Metres, 6);
    }

    [Fact]
    public async Task Late_invalid_and_impossible_steps_are_not_counted()
    {
        var start = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
        await Feed(start, 21.80);
        await Feed(start.AddMinutes(1), 21.81);
        await Feed(start.AddSeconds(30), 21.90, late: true);          // history, out of order
        await Feed(start.AddMinutes(2), 21.95, valid: false);         // no fix
        await Feed(start.AddMinutes(3), 22.80);                       // 87 km in 2 min: a jump
        await Feed(start.AddMinutes(4), 22.81);                       // driving on from where it landed

        await _ledger.FlushAsync();

        var day = Assert.Single(await _store.RangeAsync(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29)));
        Assert.Equal(2 * StepM, day.Metres, 6);
    }

    [Fact]
    public async Task A_step_after_local_midnight_counts_for_the_new_day_and_flushes_add_up()
    {
        // Local midnight of 29/11 is 17:00 UTC on 28/11.
        var beforeMidnight = new DateTime(2026, 11, 28, 16, 58, 0, DateTimeKind.Utc);
        await Feed(beforeMidnight, 21.80);
        await Feed(beforeMidnight.AddMinutes(1), 21.81);
        await _ledger.FlushAsync();
        await Feed(beforeMidnight.AddMinutes(3), 21.82);
        await Feed(beforeMidnight.AddMinutes(4), 21.83);
        await _ledger.FlushAsync();

        var days = await _store.RangeAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1));

        Assert.Equal([new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29)], days.Select(d => d.Day));
        Assert.Equal(StepM, days[0].Metres, 6);
        Assert.Equal(2 * StepM, days[1].Metres, 6);
    }

    [Fact]
    public async Task The_last_metres_are_written_when_the_worker_stops()
    {
        await _ledger.StartAsync(CancellationToken.None);
        var start = new DateTime(2026, 11, 28, 3, 0, 0, DateTimeKind.Utc);
        await Feed(start, 21.80);
        await Feed(start.AddMinutes(1), 21.81);

        await _ledger.StopAsync(CancellationToken.None);

        Assert.Equal(StepM, Assert.Single(await _store.RangeAsync(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29))).Metres, 6);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ValueTask Feed(DateTime time, double lat, bool late = false, bool valid = true) =>
        _ledger.OnPositionAsync(new IngestedPosition(new PositionRecord { DeviceId = Device, Time = time, Lat = lat, Lon = 106.76, SpeedKmh = 60, Valid = valid, Satellites = 9 }, Truck, late), CancellationToken.None);
}
