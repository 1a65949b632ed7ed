using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Influx;

public sealed class LineProtocolAllocationTests
{
    [Fact]
    public void Rendering_positions_into_a_warm_buffer_allocates_nothing()
    {
        var record = new PositionRecord
        {
            DeviceId = "356307042441013",
            Time = DateTime.UtcNow,
            Lat = 21.853708,
            Lon = 106.761519,
            SpeedKmh = 62.5,
            Heading = 180,
            Valid = true,
            Ignition = true,
            OdometerKm = 12034.5,
            DriverId = "Nguyễn Văn Tâm",
        };
        var vehicle = new DeviceEntry { DeviceId = record.DeviceId, Plate = "12C-345.67", VehicleClass = VehicleClass.Truck, Operator = "Hoàng Long, Lạng Sơn" };
        using var buffer = new LineBuffer(4 * 1024 * 1024);
        for (var i = 0; i < 100; i++)
        {
            PositionLine.Write(buffer, record, vehicle, late: false);
        }

        buffer.Clear();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            PositionLine.Write(buffer, record, vehicle, late: false);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(10_000, buffer.Lines);

        // Per line, nothing. The runtime may allocate a few KB once on this thread while the loop
        // runs (tiered JIT recompiling the hot method), so the budget is under one byte a line.
        Assert.Equal(0, allocated / 10_000);
    }
}
