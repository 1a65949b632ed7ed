using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// The hot path: a PUBLISH frame to an <see cref="MqttPublish"/> view with no allocation. The
/// variable header is validated (topic UTF-8 and wildcard-free, packet identifier, every 5.0
/// property) over a span; topic, properties and payload are then sliced from the frame itself.
/// Topic aliases are refused: this side always announces a Topic Alias Maximum of 0.
/// </summary>
public static class MqttPublishParser
{
    public static void Parse(in MqttFrame frame, MqttProtocolVersion version, out MqttPublish publish)
    {
        var body = frame.Body;
        var qos = (MqttQos)((frame.Flags >> MqttFrameReader.PublishQosShift) & 0x03);
        Header header;
        if (body.IsSingleSegment)
        {
            header = ParseHeader(body.FirstSpan, qos, version);
        }
        else
        {
            header = ParseHeaderCopied(body, qos, version);
        }

        publish = new MqttPublish(
            body.Slice(2, header.TopicLength),
            body.Slice(header.PayloadStart),
            body.Slice(header.PropertiesStart, header.PropertiesLength),
            qos,
            (frame.Flags & MqttFrameReader.PublishDupFlag) != 0,
            (frame.Flags & MqttFrameReader.PublishRetainFlag) != 0,
            header.PacketId,
            header.PayloadFormatIndicator);
    }

    /// <summary>A frame straddling segments (rare): parse a pooled contiguous copy, slice the original.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Header ParseHeaderCopied(in ReadOnlySequence<byte> body, MqttQos qos, MqttProtocolVersion version)
    {
        var length = (int)body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(rented);
            return ParseHeader(rented.AsSpan(0, length), qos, version);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Header ParseHeader(ReadOnlySpan<byte> span, MqttQos qos, MqttProtocolVersion version)
    {
        if (span.Length < 2)
        {
            MqttProtocolException.Malformed(MqttReasons.Truncated);
        }

        var topicLength = BinaryPrimitives.ReadUInt16BigEndian(span);
        var position = 2 + topicLength;
        if (position > span.Length)
        {
            MqttProtocolException.Malformed(MqttReasons.Truncated);
        }

        CheckTopic(span.Slice(2, topicLength), version);
        ushort packetId = 0;
        if (qos != MqttQos.AtMostOnce)
        {
            if (position + 2 > span.Length)
            {
                MqttProtocolException.Malformed(MqttReasons.Truncated);
            }

            packetId = BinaryPrimitives.ReadUInt16BigEndian(span[position..]);
            if (packetId == 0)
            {
                MqttProtocolException.ProtocolError(MqttReasons.PacketIdZero);
            }

            position += 2;
        }

        var header = new Header { TopicLength = topicLength, PacketId = packetId, PropertiesStart = position };
        if (version == MqttProtocolVersion.V500)
        {
            var n = MqttVariableByteInteger.TryRead(span[position..], out var propertiesLength);
            if (n <= 0)
            {
                MqttProtocolException.Malformed(MqttVariableByteInteger.MalformedReason(n));
            }

            position += n;
            if (propertiesLength > span.Length - position)
            {
                MqttProtocolException.Malformed(MqttReasons.PropertiesOverrun);
            }

            header.PropertiesStart = position;
            header.PropertiesLength = propertiesLength;
            if (propertiesLength > 0)
            {
                header.PayloadFormatIndicator = CheckProperties(span.Slice(position, propertiesLength));
            }

            position += propertiesLength;
        }

        header.PayloadStart = position;
        return header;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckTopic(ReadOnlySpan<byte> topic, MqttProtocolVersion version)
    {
        if (topic.IsEmpty)
        {
            // 5.0 allows it only with a Topic Alias, which is refused anyway.
            MqttProtocolException.Throw(version == MqttProtocolVersion.V500 ? MqttReasonCode.ProtocolError : MqttReasonCode.MalformedPacket, MqttReasons.TopicEmpty);
        }

        if (topic.IndexOfAny((byte)MqttTopic.SingleLevelWildcard, (byte)MqttTopic.MultiLevelWildcard) >= 0)
        {
            MqttProtocolException.Throw(MqttReasonCode.TopicNameInvalid, MqttReasons.TopicWildcard);
        }

        if (!MqttUtf8.IsValid(topic))
        {
            MqttProtocolException.Malformed(MqttReasons.InvalidUtf8);
        }
    }

    /// <summary>Validates the properties a PUBLISH may carry; returns the Payload Format Indicator if given.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte? CheckProperties(ReadOnlySpan<byte> properties)
    {
        var r = new MqttSpanReader(properties);
        byte? formatIndicator = null;
        var seen = 0UL;
        while (!r.End)
        {
            var id = r.ReadVariableByteInteger();
            if (id is not MqttPropertyId.UserProperty and not MqttPropertyId.SubscriptionIdentifier and < 64)
            {
                var bit = 1UL << id;
                if ((seen & bit) != 0)
                {
                    MqttProtocolException.ProtocolError(MqttReasons.PropertyDuplicate);
                }

                seen |= bit;
            }

            switch (id)
            {
                case MqttPropertyId.PayloadFormatIndicator:
                    var indicator = r.ReadByte();
                    if (indicator > 1)
                    {
                        MqttProtocolException.ProtocolError(MqttReasons.PropertyValue);
                    }

                    formatIndicator = indicator;
                    break;
                case MqttPropertyId.MessageExpiryInterval:
                    r.ReadUInt32();
                    break;
                case MqttPropertyId.TopicAlias:
                    r.ReadUInt16();
                    MqttProtocolException.Throw(MqttReasonCode.TopicAliasInvalid, MqttReasons.TopicAliasNotAllowed);
                    break;
                case MqttPropertyId.ResponseTopic:
                    var responseTopic = r.ReadUtf8();
                    if (responseTopic.IsEmpty || responseTopic.IndexOfAny((byte)MqttTopic.SingleLevelWildcard, (byte)MqttTopic.MultiLevelWildcard) >= 0)
                    {
                        MqttProtocolException.ProtocolError(MqttReasons.TopicWildcard);
                    }

                    break;
                case MqttPropertyId.CorrelationData:
                    r.ReadBinary();
                    break;
                case MqttPropertyId.UserProperty:
                    r.ReadUtf8();
                    r.ReadUtf8();
                    break;
                case MqttPropertyId.SubscriptionIdentifier:
                    if (r.ReadVariableByteInteger() == 0)
                    {
                        MqttProtocolException.ProtocolError(MqttReasons.PropertyValue);
                    }

                    break;
                case MqttPropertyId.ContentType:
                    r.ReadUtf8();
                    break;
                default:
                    MqttProtocolException.Malformed(MqttPropertyId.AllowedIn(id) == 0 ? MqttReasons.PropertyUnknown : MqttReasons.PropertyNotAllowed);
                    break;
            }
        }

        return formatIndicator;
    }

    private struct Header
    {
        public int TopicLength;
        public ushort PacketId;
        public int PropertiesStart;
        public int PropertiesLength;
        public int PayloadStart;
        public byte? PayloadFormatIndicator;
    }
}
