using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Pipeline;
using Telematics.Ingest.Tests.Support;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Pipeline;

public sealed class IngestPipelineTests
{
    private static readonly DateTime T0 = new(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc);

    private readonly ManualTimeProvider _clock = new(T0.AddHours(1));
    private readonly IngestMetrics _metrics = new();

    [Fact]
    public async Task Delivers_a_vehicles_records_in_device_time_order_when_they_arrive_out_of_order()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer, window: TimeSpan.FromSeconds(1));

        await pipeline.EnqueueAsync(At("A", 30));
        await pipeline.EnqueueAsync(At("A", 10));
        await pipeline.EnqueueAsync(At("A", 20));
        await Eventually.True(() => pipeline.QueuedCount == 0, "records taken by the partition");
        _clock.Advance(TimeSpan.FromSeconds(2));

        await Eventually.True(() => consumer.Received.Count == 3, "three records delivered");
        Assert.Equal([10, 20, 30], consumer.Received.Select(p => (int)(p.Record.Time - T0).TotalSeconds));
        Assert.All(consumer.Received, p => Assert.False(p.Late));
    }

    [Fact]
    public async Task Holds_records_for_the_reorder_window_then_releases_them()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer, window: TimeSpan.FromSeconds(5));

        await pipeline.EnqueueAsync(At("A", 10));
        await Eventually.True(() => pipeline.QueuedCount == 0, "record taken by the partition");
        Assert.Empty(consumer.Received); // the manual clock has not moved: the window cannot be over

        _clock.Advance(TimeSpan.FromSeconds(6));
        await Eventually.True(() => consumer.Received.Count == 1, "record released after the window");
    }

    [Fact]
    public async Task Drops_resent_duplicates_and_counts_them()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer);

        await pipeline.EnqueueAsync(At("A", 10));
        await pipeline.EnqueueAsync(At("A", 20));
        await pipeline.EnqueueAsync(At("A", 10));
        await pipeline.EnqueueAsync(At("A", 20));
        await pipeline.EnqueueAsync(At("B", 10));
        await pipeline.StopAsync(CancellationToken.None);

        Assert.Equal(3, consumer.Received.Count);
        Assert.Equal(2, _metrics.DroppedByReason["duplicate"]);
    }

    [Fact]
    public async Task A_record_older_than_what_was_already_released_is_still_delivered_but_marked_late()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer);

        await pipeline.EnqueueAsync(At("A", 100));
        await Eventually.True(() => consumer.Received.Count == 1, "first record");
        await pipeline.EnqueueAsync(At("A", 50));
        await Eventually.True(() => consumer.Received.Count == 2, "late record");

        Assert.True(consumer.Received[1].Late);
    }

    [Theory]
    [InlineData("invalid-fix")]
    [InlineData("zero-coordinates")]
    [InlineData("out-of-range")]
    [InlineData("future-time")]
    public async Task Named_filters_drop_bad_records_and_count_them(string filter)
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer);
        var good = At("A", 10);
        var bad = filter switch
        {
            "invalid-fix" => At("A", 20) with { Valid = false },
            "zero-coordinates" => At("A", 20) with { Lat = 0, Lon = 0 },
            "out-of-range" => At("A", 20) with { Lat = 91 },
            _ => At("A", 20) with { Time = _clock.UtcNow.AddHours(1) },
        };

        await pipeline.EnqueueAsync(good);
        await pipeline.EnqueueAsync(bad);
        await pipeline.StopAsync(CancellationToken.None);

        Assert.Equal([good], consumer.Received.Select(p => p.Record));
        Assert.Equal(1, _metrics.DroppedByReason[filter]);
    }

    [Fact]
    public async Task A_gps_spike_is_dropped_and_the_track_goes_on_from_the_last_good_point()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer);

        await pipeline.EnqueueAsync(At("A", 0));
        await pipeline.EnqueueAsync(At("A", 10) with { Lat = 22.5 }); // ~600 km in 10 s
        await pipeline.EnqueueAsync(At("A", 20) with { Lat = 21.8505 });
        await pipeline.StopAsync(CancellationToken.None);

        Assert.Equal([0, 20], consumer.Received.Select(p => (int)(p.Record.Time - T0).TotalSeconds));
        Assert.Equal(1, _metrics.DroppedByReason["impossible-speed"]);
    }

    [Fact]
    public async Task After_several_spikes_in_a_row_the_new_position_is_taken_as_the_truth()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer);

        await pipeline.EnqueueAsync(At("A", 0));
        for (var i = 1; i <= 5; i++)
        {
            await pipeline.EnqueueAsync(At("A", i * 10) with { Lat = 10.8 + (i * 0.0001) });
        }

        await pipeline.StopAsync(CancellationToken.None);

        // Three dropped (the configured run), then the vehicle is followed at its new place.
        Assert.Equal([0, 40, 50], consumer.Received.Select(p => (int)(p.Record.Time - T0).TotalSeconds));
    }

    [Fact]
    public async Task A_slow_consumer_makes_writers_wait_instead_of_growing_memory()
    {
        var gate = new SemaphoreSlim(0);
        var consumer = new RecordingConsumer { Gate = gate };
        await using var pipeline = Start(consumer, capacity: 4, partitions: 1);
        try
        {
            // The partition takes what it finds and blocks in the consumer on the first record;
            // with 100 records written, the queue then fills to its capacity and the rest wait.
            var writes = new List<Task>();
            for (var i = 0; i < 100; i++)
            {
                writes.Add(pipeline.EnqueueAsync(At("A", i)).AsTask());
            }

            await Eventually.True(() => pipeline.QueuedCount == 4, "queue full");
            Assert.Contains(writes, w => !w.IsCompleted);

            gate.Release(1000);
            await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(10));
            await pipeline.StopAsync(CancellationToken.None);
            Assert.Equal(100, consumer.Received.Count);
        }
        finally
        {
            // Never leave the partition blocked: disposing the pipeline waits for it.
            gate.Release(1000);
        }
    }


    [Fact]
    public async Task Stopping_drains_every_queued_and_held_record()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer, window: TimeSpan.FromHours(1));
        for (var i = 0; i < 100; i++)
        {
            await pipeline.EnqueueAsync(At("V" + (i % 7), i));
        }

        await pipeline.StopAsync(CancellationToken.None);

        Assert.Equal(100, consumer.Received.Count);
    }

    [Fact]
    public async Task Each_vehicle_always_lands_in_the_same_partition_and_keeps_its_order()
    {
        var consumer = new RecordingConsumer();
        await using var pipeline = Start(consumer, partitions: 4);
        for (var i = 0; i < 400; i++)
        {
            await pipeline.EnqueueAsync(At("V" + (i % 20), i));
        }

        await pipeline.StopAsync(CancellationToken.None);

        foreach (var vehicle in consumer.Received.GroupBy(p => p.Record.DeviceId))
        {
            var times = vehicle.Select(p => p.Record.Time).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    private IngestPipeline Start(IPositionConsumer consumer, TimeSpan? window = null, int capacity = 1000, int partitions = 2)
    {
        var options = new PipelineOptions { ReorderWindow = window ?? TimeSpan.Zero, QueueCapacity = capacity, Partitions = partitions };
        var pipeline = new IngestPipeline(Options.Create(options), [consumer], _metrics, NullLogger<IngestPipeline>.Instance, null, _clock);
        pipeline.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return pipeline;
    }

    private static PositionRecord At(string device, int seconds) => new()
    {
        DeviceId = device,
        Time = T0.AddSeconds(seconds),
        Lat = 21.85 + (seconds * 0.00001),
        Lon = 106.76,
        SpeedKmh = 40,
        Valid = true,
        Satellites = 9,
    };
}
