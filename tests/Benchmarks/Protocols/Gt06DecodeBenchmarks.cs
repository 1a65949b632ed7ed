using System.Buffers;
using BenchmarkDotNet.Attributes;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;

namespace Telematics.Benchmarks.Protocols;

/// <summary>
/// TryReadFrame + Decode of a GT06 0x22 location frame (one record per frame) on a logged-in
/// session, reply written to a reused buffer: the per-record cost of the GT06 hot path.
/// </summary>
[MemoryDiagnoser]
public class Gt06DecodeBenchmarks
{
    private const int FramesPerInvoke = 1000;

    // A captured 0x22 frame (2015-12-29 02:51:05, 23.1116933 N 114.4092978 E, serial 8).
    private static readonly byte[] LocationFrame = Convert.FromHexString("787822220f0c1d023305c9027ac8180c46586000140001cc00287d001f71000001000820860d0a");

    private readonly RecordBatch _batch = new();
    private readonly ArrayBufferWriter<byte> _reply = new(256);
    private ReadOnlySequence<byte> _stream;
    private Gt06Session _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = new Gt06Session(new SessionOptions());
        var login = new ArrayBufferWriter<byte>();
        Gt06Encoder.WriteLogin(login, "359710049095095", 1);
        var buffer = new ReadOnlySequence<byte>(login.WrittenMemory);
        _session.TryReadFrame(ref buffer, out var frame, out _);
        _session.Decode(frame, _batch, _reply);

        var stream = new byte[LocationFrame.Length * FramesPerInvoke];
        for (var i = 0; i < FramesPerInvoke; i++)
        {
            LocationFrame.CopyTo(stream, i * LocationFrame.Length);
        }

        _stream = new ReadOnlySequence<byte>(stream);
    }

    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public int FrameAndDecodeLocation()
    {
        var buffer = _stream;
        var records = 0;
        while (_session.TryReadFrame(ref buffer, out var frame, out _))
        {
            _batch.Clear();
            _reply.ResetWrittenCount();
            _session.Decode(frame, _batch, _reply);
            records += _batch.Count;
        }

        return records;
    }
}
