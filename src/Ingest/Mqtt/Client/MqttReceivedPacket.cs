using System.Buffers;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Mqtt.Client;

/// <summary>A packet read by <see cref="MqttClientConnection.ReadPacketAsync"/>, copied out of the pipe.</summary>
public sealed class MqttReceivedPacket(MqttPacketType type, byte flags, byte[] body)
{
    public MqttPacketType Type { get; } = type;

    public byte Flags { get; } = flags;

    public byte[] Body { get; } = body;

    public MqttFrame Frame => new(Type, Flags, new ReadOnlySequence<byte>(Body));
}
