using BenchmarkDotNet.Attributes;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Benchmarks.Influx;

/// <summary>
/// A position rendered as a line of the "position" measurement (4 tags, 14 fields, Vietnamese
/// operator name that needs escaping) into a warm pooled buffer: the sink's per-point cost.
/// Coordinates as Teltonika (1e-7°) and JT808 (1e-6°) deliver them — short decimals; and, as a
/// second case, as GT06 does (1/1,800,000°: 16–17 significant digits, the slow float path).
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private const int LinesPerInvoke = 1000;

    private readonly LineBuffer _buffer = new(1 << 20);
    private PositionRecord[] _records = [];
    private PositionRecord[] _gt06Records = [];
    private DeviceEntry[] _vehicles = [];

    [GlobalSetup]
    public void Setup()
    {
        _records = new PositionRecord[LinesPerInvoke];
        _vehicles = new DeviceEntry[LinesPerInvoke];
        for (var i = 0; i < LinesPerInvoke; i++)
        {
            _records[i] = new PositionRecord
            {
                DeviceId = "3563070424" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                Time = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc).AddSeconds(i),
                Lat = (218537080 + (i * 137)) / 1e7,
                Lon = (1067615190 - (i * 113)) / 1e7,
                SpeedKmh = 40 + (i % 50) + 0.5,
                Heading = i % 360,
                AltitudeM = 260,
                Satellites = 9,
                Valid = true,
                Ignition = true,
                OdometerKm = 12034.5 + i,
                DriverId = "GPLX-200" + (i % 100),
            };
            _vehicles[i] = new DeviceEntry
            {
                DeviceId = _records[i].DeviceId,
                Plate = "12C-345." + (i % 100),
                VehicleClass = VehicleClass.TractorSemitrailer,
                Operator = "Công ty CP Vận tải Lạng Sơn",
            };
        }

        _gt06Records = _records.Select((r, i) => r with { Lat = (39336675 + (i * 17)) / 1_800_000.0, Lon = (192170734 - (i * 19)) / 1_800_000.0 }).ToArray();
    }

    [Benchmark(OperationsPerInvoke = LinesPerInvoke)]
    public int PositionLinesGt06Coordinates()
    {
        _buffer.Clear();
        for (var i = 0; i < LinesPerInvoke; i++)
        {
            PositionLine.Write(_buffer, _gt06Records[i], _vehicles[i], late: false);
        }

        return _buffer.Length;
    }

    [Benchmark(OperationsPerInvoke = LinesPerInvoke, Baseline = true)]
    public int PositionLines()
    {
        _buffer.Clear();
        for (var i = 0; i < LinesPerInvoke; i++)
        {
            PositionLine.Write(_buffer, _records[i], _vehicles[i], late: false);
        }

        return _buffer.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => _buffer.Dispose();
}
