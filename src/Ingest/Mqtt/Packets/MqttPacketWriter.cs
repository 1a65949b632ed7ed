using System.Buffers;
using System.Text;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// Encodes every packet into an <see cref="IBufferWriter{T}"/> (the connection's PipeWriter): the
/// endpoint's replies, the broker-mode client and the simulator. Each packet is measured first
/// and then written in one span. PUBLISH and the publish acknowledgements allocate nothing.
/// </summary>
public static class MqttPacketWriter
{
    public static void WriteConnect(IBufferWriter<byte> writer, MqttConnect connect)
    {
        var v5 = connect.ProtocolVersion == MqttProtocolVersion.V500;
        var flags = (byte)0;
        var n = 2 + 4 + 1 + 1 + 2 + StringSize(connect.ClientId);
        if (v5)
        {
            n += PropertiesSize(connect.Properties);
        }

        if (connect.CleanStart)
        {
            flags |= 0x02;
        }

        if (connect.Will is { } will)
        {
            flags |= (byte)(0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0));
            n += (v5 ? PropertiesSize(will.Properties) : 0) + StringSize(will.Topic) + 2 + will.Payload.Length;
        }

        if (connect.UserName is not null)
        {
            flags |= 0x80;
            n += StringSize(connect.UserName);
        }

        if (connect.Password is not null)
        {
            flags |= 0x40;
            n += 2 + connect.Password.Length;
        }

        var w = Begin(writer, MqttPacketType.Connect, 0, n, out var total);
        w.Binary("MQTT"u8);
        w.Byte((byte)connect.ProtocolVersion);
        w.Byte(flags);
        w.UInt16(connect.KeepAliveSeconds);
        if (v5)
        {
            Properties(ref w, connect.Properties);
        }

        w.String(connect.ClientId);
        if (connect.Will is { } willMessage)
        {
            if (v5)
            {
                Properties(ref w, willMessage.Properties);
            }

            w.String(willMessage.Topic);
            w.Binary(willMessage.Payload);
        }

        if (connect.UserName is not null)
        {
            w.String(connect.UserName);
        }

        if (connect.Password is not null)
        {
            w.Binary(connect.Password);
        }

        writer.Advance(total);
    }

    public static void WriteConnAck(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttConnAck connAck)
    {
        var v5 = version == MqttProtocolVersion.V500;
        var n = 2 + (v5 ? PropertiesSize(connAck.Properties) : 0);
        var w = Begin(writer, MqttPacketType.ConnAck, 0, n, out var total);
        w.Byte(connAck.SessionPresent ? (byte)1 : (byte)0);
        w.Byte(v5 ? (byte)connAck.ReasonCode : MqttConnectReturnCode.FromReasonCode(connAck.ReasonCode));
        if (v5)
        {
            Properties(ref w, connAck.Properties);
        }

        writer.Advance(total);
    }

    /// <summary>PUBLISH with a UTF-8 topic. <paramref name="packetId"/> is ignored for QoS 0.</summary>
    public static void WritePublish(
        IBufferWriter<byte> writer, MqttProtocolVersion version, ReadOnlySpan<byte> topic, ReadOnlySpan<byte> payload,
        MqttQos qos, ushort packetId = 0, bool retain = false, bool dup = false, MqttProperties? properties = null)
    {
        var v5 = version == MqttProtocolVersion.V500;
        var n = 2 + topic.Length + (qos != MqttQos.AtMostOnce ? 2 : 0) + payload.Length;
        if (v5)
        {
            n += properties is null ? 1 : PropertiesSize(properties);
        }

        var flags = (byte)(((int)qos << MqttFrameReader.PublishQosShift) | (retain ? MqttFrameReader.PublishRetainFlag : 0) | (dup ? MqttFrameReader.PublishDupFlag : 0));
        var w = Begin(writer, MqttPacketType.Publish, flags, n, out var total);
        w.Binary(topic);
        if (qos != MqttQos.AtMostOnce)
        {
            w.UInt16(packetId);
        }

        if (v5)
        {
            if (properties is null)
            {
                w.Byte(0);
            }
            else
            {
                Properties(ref w, properties);
            }
        }

        w.Bytes(payload);
        writer.Advance(total);
    }

    public static void WritePublish(
        IBufferWriter<byte> writer, MqttProtocolVersion version, string topic, ReadOnlySpan<byte> payload,
        MqttQos qos, ushort packetId = 0, bool retain = false, bool dup = false, MqttProperties? properties = null) =>
        WritePublish(writer, version, Encoding.UTF8.GetBytes(topic), payload, qos, packetId, retain, dup, properties);

    /// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP with no properties: the short form when the reason is Success.</summary>
    public static void WritePublishAck(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttPacketType type, ushort packetId, MqttReasonCode reason = MqttReasonCode.Success)
    {
        var withReason = version == MqttProtocolVersion.V500 && reason != MqttReasonCode.Success;
        var span = writer.GetSpan(withReason ? 5 : 4);
        span[0] = (byte)(((int)type << 4) | (type == MqttPacketType.PubRel ? MqttFrameReader.RequiredFlagsReliable : 0));
        span[1] = withReason ? (byte)3 : (byte)2;
        span[2] = (byte)(packetId >> 8);
        span[3] = (byte)packetId;
        if (withReason)
        {
            span[4] = (byte)reason;
        }

        writer.Advance(withReason ? 5 : 4);
    }

    public static void WritePublishAck(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttPublishAck ack)
    {
        if (version != MqttProtocolVersion.V500 || ack.Properties.IsEmpty)
        {
            WritePublishAck(writer, version, ack.Type, ack.PacketId, ack.ReasonCode);
            return;
        }

        var n = 2 + 1 + PropertiesSize(ack.Properties);
        var w = Begin(writer, ack.Type, ack.Type == MqttPacketType.PubRel ? MqttFrameReader.RequiredFlagsReliable : (byte)0, n, out var total);
        w.UInt16(ack.PacketId);
        w.Byte((byte)ack.ReasonCode);
        Properties(ref w, ack.Properties);
        writer.Advance(total);
    }

    public static void WriteSubscribe(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttSubscribe subscribe)
    {
        var v5 = version == MqttProtocolVersion.V500;
        var n = 2 + (v5 ? PropertiesSize(subscribe.Properties) : 0);
        foreach (var s in subscribe.Subscriptions)
        {
            n += StringSize(s.TopicFilter) + 1;
        }

        var w = Begin(writer, MqttPacketType.Subscribe, MqttFrameReader.RequiredFlagsReliable, n, out var total);
        w.UInt16(subscribe.PacketId);
        if (v5)
        {
            Properties(ref w, subscribe.Properties);
        }

        foreach (var s in subscribe.Subscriptions)
        {
            w.String(s.TopicFilter);
            var options = (int)s.Qos;
            if (v5)
            {
                options |= (s.NoLocal ? 0x04 : 0) | (s.RetainAsPublished ? 0x08 : 0) | (s.RetainHandling << 4);
            }

            w.Byte((byte)options);
        }

        writer.Advance(total);
    }

    public static void WriteSubAck(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttSubAck subAck)
    {
        var v5 = version == MqttProtocolVersion.V500;
        var n = 2 + (v5 ? PropertiesSize(subAck.Properties) : 0) + subAck.ReasonCodes.Count;
        var w = Begin(writer, MqttPacketType.SubAck, 0, n, out var total);
        w.UInt16(subAck.PacketId);
        if (v5)
        {
            Properties(ref w, subAck.Properties);
        }

        foreach (var code in subAck.ReasonCodes)
        {
            // 3.1.1 knows granted QoS 0–2 and 0x80 Failure only.
            w.Byte(v5 || code <= MqttReasonCode.GrantedQos2 ? (byte)code : (byte)0x80);
        }

        writer.Advance(total);
    }

    public static void WriteUnsubscribe(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttUnsubscribe unsubscribe)
    {
        var v5 = version == MqttProtocolVersion.V500;
        var n = 2 + (v5 ? PropertiesSize(unsubscribe.Properties) : 0);
        foreach (var f in unsubscribe.TopicFilters)
        {
            n += StringSize(f);
        }

        var w = Begin(writer, MqttPacketType.Unsubscribe, MqttFrameReader.RequiredFlagsReliable, n, out var total);
        w.UInt16(unsubscribe.PacketId);
        if (v5)
        {
            Properties(ref w, unsubscribe.Properties);
        }

        foreach (var f in unsubscribe.TopicFilters)
        {
            w.String(f);
        }

        writer.Advance(total);
    }

    public static void WriteUnsubAck(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttUnsubAck unsubAck)
    {
        var v5 = version == MqttProtocolVersion.V500;
        var n = 2 + (v5 ? PropertiesSize(unsubAck.Properties) + unsubAck.ReasonCodes.Count : 0);
        var w = Begin(writer, MqttPacketType.UnsubAck, 0, n, out var total);
        w.UInt16(unsubAck.PacketId);
        if (v5)
        {
            Properties(ref w, unsubAck.Properties);
            foreach (var code in unsubAck.ReasonCodes)
            {
                w.Byte((byte)code);
            }
        }

        writer.Advance(total);
    }

    public static void WritePingReq(IBufferWriter<byte> writer) => WriteEmpty(writer, MqttPacketType.PingReq);

    public static void WritePingResp(IBufferWriter<byte> writer) => WriteEmpty(writer, MqttPacketType.PingResp);

    /// <summary>DISCONNECT: empty in 3.1.1 (the reason is not sent); in 5.0 the reason code, and properties when given.</summary>
    public static void WriteDisconnect(IBufferWriter<byte> writer, MqttProtocolVersion version, MqttReasonCode reason = MqttReasonCode.Success, MqttProperties? properties = null)
    {
        if (version != MqttProtocolVersion.V500)
        {
            WriteEmpty(writer, MqttPacketType.Disconnect);
            return;
        }

        var withProperties = properties is not null && !properties.IsEmpty;
        var n = withProperties ? 1 + PropertiesSize(properties!) : 1;
        var w = Begin(writer, MqttPacketType.Disconnect, 0, n, out var total);
        w.Byte((byte)reason);
        if (withProperties)
        {
            Properties(ref w, properties!);
        }

        writer.Advance(total);
    }

    public static void WriteAuth(IBufferWriter<byte> writer, MqttAuth auth)
    {
        var n = 1 + PropertiesSize(auth.Properties);
        var w = Begin(writer, MqttPacketType.Auth, 0, n, out var total);
        w.Byte((byte)auth.ReasonCode);
        Properties(ref w, auth.Properties);
        writer.Advance(total);
    }

    private static void WriteEmpty(IBufferWriter<byte> writer, MqttPacketType type)
    {
        var span = writer.GetSpan(2);
        span[0] = (byte)((int)type << 4);
        span[1] = 0;
        writer.Advance(2);
    }

    private static MqttSpanWriter Begin(IBufferWriter<byte> writer, MqttPacketType type, byte flags, int remaining, out int total)
    {
        total = 1 + MqttVariableByteInteger.SizeOf(remaining) + remaining;
        var w = new MqttSpanWriter(writer.GetSpan(total)[..total]);
        w.Byte((byte)(((int)type << 4) | flags));
        w.VariableByteInteger(remaining);
        return w;
    }

    private static int StringSize(string value) => 2 + Encoding.UTF8.GetByteCount(value);

    private static int PropertiesSize(MqttProperties properties)
    {
        var length = properties.Measure();
        return MqttVariableByteInteger.SizeOf(length) + length;
    }

    private static void Properties(ref MqttSpanWriter w, MqttProperties properties)
    {
        var length = properties.Measure();
        w.VariableByteInteger(length);
        Span<byte> scratch = length <= 512 ? stackalloc byte[length] : new byte[length];
        properties.Write(scratch);
        w.Bytes(scratch);
    }
}
