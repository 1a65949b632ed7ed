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
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private const int LinesPerInvoke = 1000;

    private readonly LineBuffer _buffer = new(1 << 20);
    private PositionRecord[] _records = [];
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
                Lat = 21.853708 + (i * 1e-5),
                Lon = 106.761519 - (i * 1e-5),
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
    }

    [Benchmark(OperationsPerInvoke = LinesPerInvoke)]
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
