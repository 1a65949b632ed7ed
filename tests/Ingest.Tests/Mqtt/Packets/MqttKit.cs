using System.Buffers;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Tests.Mqtt.Packets;

/// <summary>Helpers for codec tests: encode to bytes, read one frame back.</summary>
internal static class MqttKit
{
    public const int Max = 1 << 20;

    public static byte[] Encode(Action<ArrayBufferWriter<byte>> write)
    {
        var writer = new ArrayBufferWriter<byte>();
        write(writer);
        return writer.WrittenSpan.ToArray();
    }

    public static MqttFrame ReadOne(byte[] bytes) => ReadOne(new ReadOnlySequence<byte>(bytes));

    public static MqttFrame ReadOne(ReadOnlySequence<byte> buffer)
    {
        Assert.True(MqttFrameReader.TryReadPacket(ref buffer, Max, out var frame));
        Assert.True(buffer.IsEmpty, "one packet, fully consumed");
        return frame;
    }

    public static MqttProtocolException Refused(byte[] bytes, MqttProtocolVersion version = MqttProtocolVersion.V500, int max = Max) =>
        Assert.Throws<MqttProtocolException>(() =>
        {
            var buffer = new ReadOnlySequence<byte>(bytes);
            if (!MqttFrameReader.TryReadPacket(ref buffer, max, out var frame))
            {
                throw new InvalidOperationException("incomplete, not refused");
            }

            ParseAny(frame, version);
        });

    public static void ParseAny(in MqttFrame frame, MqttProtocolVersion version)
    {
        switch (frame.Type)
        {
            case MqttPacketType.Connect: MqttPacketParser.ParseConnect(frame); break;
            case MqttPacketType.ConnAck: MqttPacketParser.ParseConnAck(frame, version); break;
            case MqttPacketType.Publish: MqttPublishParser.Parse(frame, version, out _); break;
            case MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                MqttPacketParser.ParsePublishAck(frame, version); break;
            case MqttPacketType.Subscribe: MqttPacketParser.ParseSubscribe(frame, version); break;
            case MqttPacketType.SubAck: MqttPacketParser.ParseSubAck(frame, version); break;
            case MqttPacketType.Unsubscribe: MqttPacketParser.ParseUnsubscribe(frame, version); break;
            case MqttPacketType.UnsubAck: MqttPacketParser.ParseUnsubAck(frame, version); break;
            case MqttPacketType.Disconnect: MqttPacketParser.ParseDisconnect(frame, version); break;
            case MqttPacketType.Auth: MqttPacketParser.ParseAuth(frame, version); break;
            default: MqttPacketParser.ParseEmpty(frame); break;
        }
    }

    public static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
