using Telematics.Ingest.Tests.Support;
using System.Buffers;
using BenchmarkDotNet.Attributes;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;

namespace Telematics.Benchmarks.Protocols;

/// <summary>
/// TryReadFrame + Decode of a 10-record Codec 8 Extended packet with the IO an FMB device typically
/// sends (16 elements per record); figures are per record.
/// </summary>
[MemoryDiagnoser]
public class TeltonikaDecodeBenchmarks
{
    private const int RecordsPerPacket = 10;

    private readonly RecordBatch _records = new();
    private readonly ArrayBufferWriter<byte> _reply = new(64);
    private IProtocolSession _session = null!;
    private ReadOnlySequence<byte> _packet;
    private ReadOnlySequence<byte> _splitPacket;

    [GlobalSetup]
    public void Setup()
    {
        var batch = new RecordBatch();
        for (var i = 0; i < RecordsPerPacket; i++)
        {
            ref var r = ref batch.Add();
            r.TimeMs = 1_736_929_800_000 + (i * 10_000);
            r.Lat = 21.853708 + (i * 0.0001);
            r.Lon = 106.761519 + (i * 0.0001);
            r.AltitudeM = 275;
            r.Heading = 90 + i;
            r.Satellites = 11;
            r.SpeedKmh = 60 + i;
            r.Ignition = true; // 239
            r.OdometerKm = 123_456.789 + i; // 16
            r.DriverId = "000000A1B2C3D4E5"; // 78
            batch.AddIo(TeltonikaIoId.Movement, 1);
            batch.AddIo(21, 4); // GSM signal
            batch.AddIo(69, 1); // GNSS status
            batch.AddIo(200, 0); // sleep mode
            batch.AddIo(TeltonikaIoId.ExternalVoltage, 13_800);
            batch.AddIo(67, 4_100); // battery voltage
            batch.AddIo(24, 60 + i); // GNSS speed
            batch.AddIo(181, 9); // PDOP
            batch.AddIo(182, 7); // HDOP
            batch.AddIo(205, 31_245); // GSM cell id
            batch.AddIo(206, 12_001); // GSM area code
            batch.AddIo(241, 45_204); // active GSM operator
            batch.AddIo(199, 1_234 + i); // trip odometer
        }

        var writer = new ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteAvlPacket(writer, TeltonikaCodecId.Codec8Extended, batch);
        var bytes = writer.WrittenSpan.ToArray();
        _packet = new ReadOnlySequence<byte>(bytes);
        _splitPacket = Segments.SplitAt(bytes, bytes.Length / 2);
        _session = new TeltonikaProtocol().CreateSession(new SessionOptions { RequireLogin = false });
    }

    [Benchmark(OperationsPerInvoke = RecordsPerPacket)]
    public int FrameAndDecode() => Run(_packet);

    /// <summary>The same packet straddling two segments (the sequence-reader path).</summary>
    [Benchmark(OperationsPerInvoke = RecordsPerPacket)]
    public int FrameAndDecodeSplit() => Run(_splitPacket);

    private int Run(ReadOnlySequence<byte> buffer)
    {
        _records.Clear();
        _reply.ResetWrittenCount();
        _session.TryReadFrame(ref buffer, out var frame, out _);
        _session.Decode(frame, _records, _reply);
        return _records.Count;
    }
}
