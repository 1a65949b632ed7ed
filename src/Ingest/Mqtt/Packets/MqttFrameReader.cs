using System.Buffers;
using System.Runtime.CompilerServices;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// Finds whole packets in a byte stream: the fixed header (type, flags, Remaining Length) of
/// 3.1.1 §2.2 / 5.0 §2.1, with Kestrel's parser contract — false and nothing consumed when the
/// packet is not complete yet. Checks the reserved flags of every type and the maximum packet size
/// as soon as the header is in, before the body arrives.
/// </summary>
public static class MqttFrameReader
{
    /// <summary>PUBLISH flags: DUP (bit 3), QoS (bits 2–1), RETAIN (bit 0).</summary>
    public const byte PublishDupFlag = 0x08;

    public const byte PublishRetainFlag = 0x01;

    public const int PublishQosShift = 1;

    /// <summary>The flags PUBREL, SUBSCRIBE and UNSUBSCRIBE must carry (0010).</summary>
    public const byte RequiredFlagsReliable = 0x02;

    /// <summary>
    /// Reads one packet from the start of <paramref name="buffer"/>. Returns true with the frame and
    /// the buffer advanced past it; false with the buffer untouched when more bytes are needed.
    /// Throws <see cref="MqttProtocolException"/> on a reserved type or flags, a Remaining Length of
    /// more than 4 bytes or not in its fewest bytes, or a packet larger than <paramref name="maximumPacketSize"/> (the whole packet, header included).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadPacket(ref ReadOnlySequence<byte> buffer, int maximumPacketSize, out MqttFrame frame)
    {
        frame = default;
        var first = buffer.FirstSpan;
        int lengthBytes;
        int remaining;
        byte header;
        if (first.Length >= 1 + MqttVariableByteInteger.MaxBytes)
        {
            header = first[0];
            lengthBytes = MqttVariableByteInteger.TryRead(first[1..], out remaining);
        }
        else
        {
            if (buffer.IsEmpty)
            {
                return false;
            }

            header = buffer.FirstSpan.Length > 0 ? buffer.FirstSpan[0] : First(buffer);
            lengthBytes = MqttVariableByteInteger.TryRead(buffer.Slice(1), out remaining);
        }

        CheckHeader(header);
        if (lengthBytes <= 0)
        {
            if (lengthBytes < 0)
            {
                MqttProtocolException.Malformed(MqttVariableByteInteger.MalformedReason(lengthBytes));
            }

            return false;
        }

        var total = (long)1 + lengthBytes + remaining;
        if (total > maximumPacketSize)
        {
            MqttProtocolException.Throw(MqttReasonCode.PacketTooLarge, MqttReasons.PacketTooLarge);
        }

        if (buffer.Length < total)
        {
            return false;
        }

        frame = new MqttFrame((MqttPacketType)(header >> 4), (byte)(header & 0x0F), buffer.Slice(1 + lengthBytes, remaining));
        buffer = buffer.Slice(total);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckHeader(byte header)
    {
        var type = (MqttPacketType)(header >> 4);
        var flags = header & 0x0F;
        switch (type)
        {
            case MqttPacketType.Publish:
                // QoS 3 is malformed; a QoS 0 message must not carry DUP.
                var qos = (flags >> PublishQosShift) & 0x03;
                if (qos == 3)
                {
                    MqttProtocolException.Malformed(MqttReasons.PublishQos3);
                }

                if (qos == 0 && (flags & PublishDupFlag) != 0)
                {
                    MqttProtocolException.Malformed(MqttReasons.DupOnQos0);
                }

                break;
            case MqttPacketType.PubRel:
            case MqttPacketType.Subscribe:
            case MqttPacketType.Unsubscribe:
                if (flags != RequiredFlagsReliable)
                {
                    MqttProtocolException.Malformed(MqttReasons.ReservedFlags);
                }

                break;
            case MqttPacketType.Reserved:
                MqttProtocolException.Malformed(MqttReasons.ReservedPacketType);
                break;
            default:
                if (flags != 0)
                {
                    MqttProtocolException.Malformed(MqttReasons.ReservedFlags);
                }

                break;
        }
    }

    private static byte First(in ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            if (!segment.IsEmpty)
            {
                return segment.Span[0];
            }
        }

        return 0;
    }
}
