using Microsoft.Extensions.Logging;
using Telematics.Ingest.Influx;
using Telematics.Ingest.Influx.Delivery;
using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Influx.Spool;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Tests.Support;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>An <see cref="InfluxWriter"/> wired as the worker wires it, with captured logs; disposing stops it.</summary>
public sealed class InfluxWriterHarness : IAsyncDisposable
{
    private InfluxWriterHarness(InfluxOptions options, HttpMessageHandler? handler)
    {
        Options = options;
        Client = new InfluxHttpClient(options, handler);
        Spool = new DiskSpool(options.SpoolDirectory, options.SpoolQuotaBytes, SpoolLog);
        Metrics = new InfluxMetrics();
        Writer = new InfluxWriter(options, Client, Spool, new DeadLetterFile(options.DeadLetterPath), Metrics, Log);
    }

    public InfluxOptions Options { get; }

    public InfluxHttpClient Client { get; }

    public DiskSpool Spool { get; }

    public InfluxMetrics Metrics { get; }

    public InfluxWriter Writer { get; }

    public CapturingLogger<InfluxWriter> Log { get; } = new();

    public CapturingLogger<DiskSpool> SpoolLog { get; } = new();

    public static async Task<InfluxWriterHarness> StartAsync(InfluxOptions options, HttpMessageHandler? handler = null)
    {
        var harness = new InfluxWriterHarness(options, handler);
        await harness.Writer.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Two days ago at midnight UTC: inside the retention policy, the same for every test of a run.</summary>
    public static readonly long BaseMs = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2)).ToUnixTimeMilliseconds();

    /// <summary>A deterministic position: vehicle i % vehicles, time base + i seconds, coordinates derived from i.</summary>
    public static PositionRecord Position(int i, int vehicles = 10) => new()
    {
        DeviceId = "35630704244" + (i % vehicles).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        Time = DateTime.UnixEpoch.AddMilliseconds(BaseMs + (i * 1000L)),
        Lat = 21.8 + (i * 1e-6),
        Lon = 106.7 + (i * 2e-6),
        SpeedKmh = i % 120,
        Heading = i % 360,
        Satellites = 9,
        Valid = true,
    };

    public static DeviceEntry Vehicle(PositionRecord record) => new()
    {
        DeviceId = record.DeviceId,
        Plate = "12C-" + record.DeviceId[^4..],
        VehicleClass = VehicleClass.Truck,
        Operator = "Hoàng Long",
    };

    public void WritePositions(int from, int to, int vehicles = 10)
    {
        for (var i = from; i < to; i++)
        {
            var record = Position(i, vehicles);
            Writer.Write(record, Vehicle(record), late: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Spool.Dispose();
        Client.Dispose();
        Metrics.Dispose();
    }
}
