using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Telematics.Ingest.Influx;
using Telematics.Ingest.Influx.Delivery;
using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Influx.Spool;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;
using Telematics.Ingest.Tests.Support;
using Telematics.Rules.Vehicles;

namespace Telematics.Benchmarks.Influx;

/// <summary>
/// End-to-end writer throughput into a real influxd, side by side with the raw ceiling in one run:
/// "raw" posts pre-rendered 5,000-line batches of the same position lines with 2 plain HttpClient
/// tasks; "sink" feeds the same positions through <see cref="InfluxWriter"/> (BatchSize 5,000,
/// 2 writers) from 2 producer threads, as the pipeline's partitions do, and times until InfluxDB
/// acknowledged every point. Each phase writes a fresh database; after an uncounted warm-up, two rounds in alternating order.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- influx-throughput [points] [vehicles]</c>.
/// </summary>
public static class InfluxThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var points = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var vehicles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        await using var influxd = await InfluxServer.StartNewAsync();
        var (records, entries) = Positions(points, vehicles);
        Console.WriteLine($"influxd {influxd.Url}: {points:N0} position points over {vehicles:N0} vehicles per phase, 5,000-line batches, 2 writers");
        var reference = await ReferenceAsync(influxd.Url, points, vehicles);
        Console.WriteLine($"reference: {reference,12:N0} points/s  (environment.md's small lines: 1 tag, 4 fields)");
        // Warm-up, not counted: the first big write into a fresh influxd pays for growing its index and heap.
        await RawAsync(influxd.Url, "warmup", records, entries);
        var results = new List<(string Phase, double PerSecond)>();
        for (var round = 1; round <= 2; round++)
        {
            // Alternate the order: a phase right after another runs while influxd still compacts the previous one.
            foreach (var phase in round == 1 ? new[] { "raw", "sink" } : ["sink", "raw"])
            {
                var database = phase + round;
                var perSecond = phase == "raw"
                    ? await RawAsync(influxd.Url, database, records, entries)
                    : await SinkAsync(influxd.Url, database, records, entries);
                var stored = await CountAsync(influxd.Url, database);
                results.Add((phase, perSecond));
                Console.WriteLine($"round {round} {phase,-4}: {perSecond,12:N0} points/s ({stored:N0} points stored)");
            }
        }

        var rawMean = results.Where(r => r.Phase == "raw").Average(r => r.PerSecond);
        var sinkMean = results.Where(r => r.Phase == "sink").Average(r => r.PerSecond);
        Console.WriteLine($"mean raw {rawMean:N0}/s, sink {sinkMean:N0}/s: {sinkMean / rawMean:P1} of the ceiling");
        return 0;
    }

    private static async Task<long> CountAsync(string url, string database)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync($"{url}/query?db={database}&q={Uri.EscapeDataString("SELECT count(lat) FROM position")}");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0][1].GetInt64();
    }

    private static (PositionRecord[] Records, DeviceEntry[] Entries) Positions(int points, int vehicles)
    {
        var entries = Enumerable.Range(0, vehicles).Select(v => new DeviceEntry
        {
            DeviceId = "35630704" + v.ToString("D7", CultureInfo.InvariantCulture),
            Plate = "12C-" + v.ToString("D5", CultureInfo.InvariantCulture),
            VehicleClass = VehicleClass.Truck,
            Operator = "Công ty CP Vận tải Lạng Sơn",
        }).ToArray();
        var start = DateTime.UtcNow.Date.AddDays(-1);
        var records = new PositionRecord[points];
        for (var i = 0; i < points; i++)
        {
            records[i] = new PositionRecord
            {
                DeviceId = entries[i % vehicles].DeviceId,
                Time = start.AddSeconds(i / vehicles),
                Lat = 21.8 + ((i % 1000) * 1e-5),
                Lon = 106.7 + ((i % 997) * 1e-5),
                SpeedKmh = i % 90,
                Heading = i % 360,
                Satellites = 9,
                Valid = true,
            };
        }

        return (records, entries);
    }

    /// <summary>The ceiling as environment.md measured it: <c>position,vehicle=V.. lat=..,lon=..,speed=..,heading=.. ms</c>.</summary>
    private static async Task<double> ReferenceAsync(string url, int points, int vehicles)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1)).ToUnixTimeMilliseconds();
        var batches = new List<byte[]>();
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < points; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"position,vehicle=V{i % vehicles} lat={21.8 + ((i % 1000) * 1e-5)},lon={106.7 + ((i % 997) * 1e-5)},speed={i % 90},heading={i % 360} {start + (i / vehicles * 1000L)}\n");
            if ((i + 1) % 5000 == 0 || i == points - 1)
            {
                batches.Add(System.Text.Encoding.UTF8.GetBytes(sb.ToString()));
                sb.Clear();
            }
        }

        return await PostAllAsync(url, "reference", batches, points);
    }

    private static async Task<double> PostAllAsync(string url, string database, List<byte[]> batches, int points)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromMinutes(1) };
        (await http.PostAsync("query", new FormUrlEncodedContent([new("q", $"CREATE DATABASE {database}")]))).Dispose();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                using var content = new ByteArrayContent(batches[index]);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
                using var response = await http.PostAsync($"write?db={database}&precision=ms", content);
                response.EnsureSuccessStatusCode();
            }
        })));
        return points / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawAsync(string url, string database, PositionRecord[] records, DeviceEntry[] entries)
    {
        var batches = new List<byte[]>();
        using (var buffer = new LineBuffer(2 << 20))
        {
            for (var i = 0; i < records.Length; i++)
            {
                PositionLine.Write(buffer, records[i], entries[i % entries.Length], late: false);
                if (buffer.Lines == 5000 || i == records.Length - 1)
                {
                    batches.Add(buffer.WrittenSpan.ToArray());
                    buffer.Clear();
                }
            }
        }

        return await PostAllAsync(url, database, batches, records.Length);
    }

    private static async Task<double> SinkAsync(string url, string database, PositionRecord[] records, DeviceEntry[] entries)
    {
        var directory = Path.Combine(Path.GetTempPath(), "telematics-bench-spool-" + Guid.NewGuid().ToString("N"));
        var options = new InfluxOptions
        {
            Url = url,
            Database = database,
            SpoolDirectory = Path.Combine(directory, "spool"),
            DeadLetterPath = Path.Combine(directory, "dead.lp"),
        };
        using var client = new InfluxHttpClient(options);
        using var spool = new DiskSpool(options.SpoolDirectory, options.SpoolQuotaBytes, NullLogger.Instance);
        using var metrics = new InfluxMetrics();
        await using var writer = new InfluxWriter(options, client, spool, new DeadLetterFile(options.DeadLetterPath), metrics, NullLogger<InfluxWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        while (!writer.IsHealthy)
        {
            await Task.Delay(5);
        }

        var clock = Stopwatch.StartNew();
        // Two producers (pipeline partitions), each over its own half of the vehicles, pausing while
        // the writers have 4 batches queued: ingest that outruns InfluxDB would go to the spool.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(p => Task.Run(async () =>
        {
            for (var i = p; i < records.Length; i += 2)
            {
                writer.Write(records[i], entries[i % entries.Length], late: false);
                if ((i & 1023) == p)
                {
                    while (writer.QueuedBatches >= 4)
                    {
                        await Task.Delay(1);
                    }
                }
            }
        })));
        writer.Flush();
        while (metrics.PointsWritten + metrics.DeadLetters < records.Length)
        {
            await Task.Delay(1);
        }

        var perSecond = records.Length / clock.Elapsed.TotalSeconds;
        if (metrics.SpooledBatches > 0 || metrics.DeadLetters > 0)
        {
            Console.WriteLine($"  (sink spooled {metrics.SpooledBatches} batches, {metrics.DeadLetters} dead letters)");
        }

        await writer.StopAsync(CancellationToken.None);
        Directory.Delete(directory, recursive: true);
        return perSecond;
    }
}
