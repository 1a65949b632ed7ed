using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Benchmarks.Mqtt;

/// <summary>
/// MqttFrameReader.TryReadPacket + MqttPublishParser.Parse over a buffer of 1,000 MQTT 5.0 QoS 1
/// PUBLISH packets (topic telematics/{imei}/position, 180-byte JSON payload); figures are per packet.
/// </summary>
[MemoryDiagnoser]
public class MqttPublishParseBenchmarks
{
    private const int Packets = 1000;
    private ReadOnlySequence<byte> _buffer;

    [GlobalSetup]
    public void Setup()
    {
        var writer = new ArrayBufferWriter<byte>();
        var payload = Encoding.UTF8.GetBytes("""{"deviceId":"356307042441013","time":"2025-01-15T08:30:00.000Z","lat":21.853708,"lon":106.761234,"speedKmh":54,"heading":270,"altitudeM":250,"satellites":11,"valid":true,"ignition":true}""");
        for (var i = 0; i < Packets; i++)
        {
            MqttPacketWriter.WritePublish(writer, MqttProtocolVersion.V500, "telematics/356307042441013/position"u8, payload, MqttQos.AtLeastOnce, (ushort)(i + 1));
        }

        _buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);
    }

    [Benchmark(OperationsPerInvoke = Packets)]
    public int ParsePublish()
    {
        var buffer = _buffer;
        var sum = 0;
        while (MqttFrameReader.TryReadPacket(ref buffer, 1 << 20, out var frame))
        {
            MqttPublishParser.Parse(frame, MqttProtocolVersion.V500, out var publish);
            sum += publish.PacketId;
        }

        return sum;
    }
}
