using System.Buffers;
using System.Text;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// Parses every packet except PUBLISH (see <see cref="MqttPublishParser"/>) from a frame found by
/// <see cref="MqttFrameReader"/>. These are rare (a few per connection), so they allocate their
/// objects; every field is checked and a breach throws <see cref="MqttProtocolException"/>.
/// </summary>
public static class MqttPacketParser
{
    private static readonly byte[] ProtocolName = "MQTT"u8.ToArray();

    // CONNECT flags (3.1.1 §3.1.2.3, 5.0 §3.1.2.3).
    private const byte ConnectReserved = 0x01;
    private const byte ConnectCleanStart = 0x02;
    private const byte ConnectWill = 0x04;
    private const int ConnectWillQosShift = 3;
    private const byte ConnectWillRetain = 0x20;
    private const byte ConnectPassword = 0x40;
    private const byte ConnectUserName = 0x80;

    /// <summary>
    /// CONNECT: the protocol version is read from it. A wrong protocol name or an unsupported level
    /// throws with <see cref="MqttReasonCode.UnsupportedProtocolVersion"/>.
    /// </summary>
    public static MqttConnect ParseConnect(in MqttFrame frame)
    {
        ExpectType(frame, MqttPacketType.Connect);
        var r = new MqttSpanReader(Contiguous(frame.Body));
        if (!r.ReadBinary().SequenceEqual(ProtocolName))
        {
            MqttProtocolException.Throw(MqttReasonCode.UnsupportedProtocolVersion, MqttReasons.WrongProtocolName);
        }

        var level = r.ReadByte();
        if (level is not (byte)MqttProtocolVersion.V311 and not (byte)MqttProtocolVersion.V500)
        {
            MqttProtocolException.Throw(MqttReasonCode.UnsupportedProtocolVersion, MqttReasons.UnsupportedProtocolLevel);
        }

        var version = (MqttProtocolVersion)level;
        var flags = r.ReadByte();
        if ((flags & ConnectReserved) != 0)
        {
            MqttProtocolException.Malformed(MqttReasons.ConnectReservedFlag);
        }

        var hasWill = (flags & ConnectWill) != 0;
        var willQos = (flags >> ConnectWillQosShift) & 0x03;
        var willRetain = (flags & ConnectWillRetain) != 0;
        if (!hasWill && (willQos != 0 || willRetain))
        {
            MqttProtocolException.Malformed(MqttReasons.WillFlagsWithoutWill);
        }

        if (willQos == 3)
        {
            MqttProtocolException.Malformed(MqttReasons.WillQos3);
        }

        var hasUser = (flags & ConnectUserName) != 0;
        var hasPassword = (flags & ConnectPassword) != 0;
        if (version == MqttProtocolVersion.V311 && hasPassword && !hasUser)
        {
            MqttProtocolException.Malformed(MqttReasons.PasswordWithoutUserName);
        }

        var keepAlive = r.ReadUInt16();
        var properties = version == MqttProtocolVersion.V500 ? MqttProperties.Read(ref r, MqttPacketType.Connect) : new MqttProperties();
        var clientId = r.ReadString();
        MqttWill? will = null;
        if (hasWill)
        {
            var willProperties = version == MqttProtocolVersion.V500 ? MqttProperties.Read(ref r, MqttPacketType.Connect, will: true) : new MqttProperties();
            var topic = r.ReadString();
            if (topic.Length == 0 || topic.AsSpan().IndexOfAny(MqttTopic.SingleLevelWildcard, MqttTopic.MultiLevelWildcard) >= 0)
            {
                MqttProtocolException.Throw(MqttReasonCode.TopicNameInvalid, MqttReasons.TopicWildcard);
            }

            will = new MqttWill { Topic = topic, Payload = r.ReadBinary().ToArray(), Qos = (MqttQos)willQos, Retain = willRetain, Properties = willProperties };
        }

        var userName = hasUser ? r.ReadString() : null;
        var password = hasPassword ? r.ReadBinary().ToArray() : null;
        EndOf(ref r);
        return new MqttConnect
        {
            ProtocolVersion = version,
            CleanStart = (flags & ConnectCleanStart) != 0,
            KeepAliveSeconds = keepAlive,
            ClientId = clientId,
            Will = will,
            UserName = userName,
            Password = password,
            Properties = properties,
        };
    }

    public static MqttConnAck ParseConnAck(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.ConnAck);
        var r = new MqttSpanReader(Contiguous(frame.Body));
        var flags = r.ReadByte();
        if ((flags & 0xFE) != 0)
        {
            MqttProtocolException.Malformed(MqttReasons.ReservedFlags);
        }

        var code = r.ReadByte();
        var reason = version == MqttProtocolVersion.V500 ? (MqttReasonCode)code : MqttConnectReturnCode.ToReasonCode(code);
        var properties = version == MqttProtocolVersion.V500 ? MqttProperties.Read(ref r, MqttPacketType.ConnAck) : new MqttProperties();
        EndOf(ref r);
        return new MqttConnAck { SessionPresent = (flags & 0x01) != 0, ReasonCode = reason, Properties = properties };
    }

    /// <summary>PUBACK, PUBREC, PUBREL or PUBCOMP.</summary>
    public static MqttPublishAck ParsePublishAck(in MqttFrame frame, MqttProtocolVersion version)
    {
        if (frame.Type is not (MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp))
        {
            MqttProtocolException.ProtocolError(MqttReasons.UnexpectedPacket);
        }

        var r = new MqttSpanReader(Contiguous(frame.Body));
        var packetId = ReadPacketId(ref r);
        var reason = MqttReasonCode.Success;
        var properties = new MqttProperties();
        if (version == MqttProtocolVersion.V500)
        {
            if (!r.End)
            {
                reason = (MqttReasonCode)r.ReadByte();
                CheckAckReason(frame.Type, reason);
            }

            if (!r.End)
            {
                properties = MqttProperties.Read(ref r, frame.Type);
            }
        }

        EndOf(ref r);
        return new MqttPublishAck { Type = frame.Type, PacketId = packetId, ReasonCode = reason, Properties = properties };
    }

    public static MqttSubscribe ParseSubscribe(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.Subscribe);
        var r = new MqttSpanReader(Contiguous(frame.Body));
        var packetId = ReadPacketId(ref r);
        var properties = version == MqttProtocolVersion.V500 ? MqttProperties.Read(ref r, MqttPacketType.Subscribe) : new MqttProperties();
        var subscriptions = new List<MqttSubscription>();
        while (!r.End)
        {
            var filter = r.ReadString();
            var options = r.ReadByte();
            var reserved = version == MqttProtocolVersion.V500 ? 0xC0 : 0xFC;
            if ((options & reserved) != 0)
            {
                MqttProtocolException.Malformed(MqttReasons.SubscriptionOptionsReserved);
            }

            var qos = options & 0x03;
            var retainHandling = (byte)((options >> 4) & 0x03);
            if (qos == 3 || retainHandling == 3)
            {
                MqttProtocolException.Malformed(MqttReasons.SubscriptionOptionsReserved);
            }

            subscriptions.Add(new MqttSubscription(filter, (MqttQos)qos, (options & 0x04) != 0, (options & 0x08) != 0, retainHandling));
        }

        if (subscriptions.Count == 0)
        {
            MqttProtocolException.ProtocolError(MqttReasons.SubscribeEmpty);
        }

        return new MqttSubscribe { PacketId = packetId, Subscriptions = subscriptions, Properties = properties };
    }

    public static MqttSubAck ParseSubAck(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.SubAck);
        var r = new MqttSpanReader(Contiguous(frame.Body));
        var packetId = ReadPacketId(ref r);
        var properties = version == MqttProtocolVersion.V500 ? MqttProperties.Read(ref r, MqttPacketType.SubAck) : new MqttProperties();
        var codes = new List<MqttReasonCode>();
        foreach (var b in r.Rest())
        {
            codes.Add((MqttReasonCode)b);
        }

        return new MqttSubAck { PacketId = packetId, ReasonCodes = codes, Properties = properties };
    }

    public static MqttUnsubscribe ParseUnsubscribe(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.Unsubscribe);
        var r = new MqttSpanReader(Contiguous(frame.Body));
        var packetId = ReadPacketId(ref r);
        var properties = version == MqttProtocolVersion.V500 ? MqttProperties.Read(ref r, MqttPacketType.Unsubscribe) : new MqttProperties();
        var filters = new List<string>();
        while (!r.End)
        {
            filters.Add(r.ReadString());
        }

        if (filters.Count == 0)
        {
            MqttProtocolException.ProtocolError(MqttReasons.UnsubscribeEmpty);
        }

        return new MqttUnsubscribe { PacketId = packetId, TopicFilters = filters, Properties = properties };
    }

    public static MqttUnsubAck ParseUnsubAck(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.UnsubAck);
        var r = new MqttSpanReader(Contiguous(frame.Body));
        var packetId = ReadPacketId(ref r);
        if (version != MqttProtocolVersion.V500)
        {
            EndOf(ref r);
            return new MqttUnsubAck { PacketId = packetId };
        }

        var properties = MqttProperties.Read(ref r, MqttPacketType.UnsubAck);
        var codes = new List<MqttReasonCode>();
        foreach (var b in r.Rest())
        {
            codes.Add((MqttReasonCode)b);
        }

        return new MqttUnsubAck { PacketId = packetId, ReasonCodes = codes, Properties = properties };
    }

    public static MqttDisconnect ParseDisconnect(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.Disconnect);
        var code = ParseReasonAndProperties(frame, version, MqttPacketType.Disconnect, out var properties);
        return new MqttDisconnect { ReasonCode = code, Properties = properties };
    }

    public static MqttAuth ParseAuth(in MqttFrame frame, MqttProtocolVersion version)
    {
        ExpectType(frame, MqttPacketType.Auth);
        if (version != MqttProtocolVersion.V500)
        {
            MqttProtocolException.Malformed(MqttReasons.AuthInV311);
        }

        var code = ParseReasonAndProperties(frame, version, MqttPacketType.Auth, out var properties);
        if (code is not (MqttReasonCode.Success or MqttReasonCode.ContinueAuthentication or MqttReasonCode.ReAuthenticate))
        {
            MqttProtocolException.ProtocolError(MqttReasons.BadReasonCode);
        }

        return new MqttAuth { ReasonCode = code, Properties = properties };
    }

    /// <summary>PINGREQ and PINGRESP have no body.</summary>
    public static void ParseEmpty(in MqttFrame frame)
    {
        if (frame.Body.Length != 0)
        {
            MqttProtocolException.Malformed(MqttReasons.NonZeroLength);
        }
    }

    /// <summary>A 5.0 DISCONNECT or AUTH: empty means Success; one byte is the reason code; more adds properties.</summary>
    private static MqttReasonCode ParseReasonAndProperties(in MqttFrame frame, MqttProtocolVersion version, MqttPacketType type, out MqttProperties properties)
    {
        properties = new MqttProperties();
        if (version != MqttProtocolVersion.V500)
        {
            ParseEmpty(frame);
            return MqttReasonCode.Success;
        }

        var r = new MqttSpanReader(Contiguous(frame.Body));
        var code = MqttReasonCode.Success;
        if (!r.End)
        {
            code = (MqttReasonCode)r.ReadByte();
        }

        if (!r.End)
        {
            properties = MqttProperties.Read(ref r, type);
        }

        EndOf(ref r);
        return code;
    }

    private static void CheckAckReason(MqttPacketType type, MqttReasonCode reason)
    {
        var ok = type is MqttPacketType.PubRel or MqttPacketType.PubComp
            ? reason is MqttReasonCode.Success or MqttReasonCode.PacketIdentifierNotFound
            : reason is MqttReasonCode.Success or MqttReasonCode.NoMatchingSubscribers or MqttReasonCode.UnspecifiedError
                or MqttReasonCode.ImplementationSpecificError or MqttReasonCode.NotAuthorized or MqttReasonCode.TopicNameInvalid
                or MqttReasonCode.PacketIdentifierInUse or MqttReasonCode.QuotaExceeded or MqttReasonCode.PayloadFormatInvalid;
        if (!ok)
        {
            MqttProtocolException.ProtocolError(MqttReasons.BadReasonCode);
        }
    }

    private static ushort ReadPacketId(ref MqttSpanReader r)
    {
        var id = r.ReadUInt16();
        if (id == 0)
        {
            MqttProtocolException.ProtocolError(MqttReasons.PacketIdZero);
        }

        return id;
    }

    private static void ExpectType(in MqttFrame frame, MqttPacketType type)
    {
        if (frame.Type != type)
        {
            MqttProtocolException.ProtocolError(MqttReasons.UnexpectedPacket);
        }
    }

    private static void EndOf(ref MqttSpanReader r)
    {
        if (!r.End)
        {
            MqttProtocolException.Malformed(MqttReasons.TrailingBytes);
        }
    }

    private static ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> body) =>
        body.IsSingleSegment ? body.FirstSpan : body.ToArray();

    /// <summary>For log lines: a client id or topic shown safely (no control characters, bounded).</summary>
    public static string Printable(ReadOnlySpan<byte> utf8, int max = 128)
    {
        var text = Encoding.UTF8.GetString(utf8.Length > max ? utf8[..max] : utf8);
        return string.Create(text.Length, text, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? '?' : s[i];
            }
        });
    }
}
