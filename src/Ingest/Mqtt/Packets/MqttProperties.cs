using System.Buffers.Binary;
using System.Text;

namespace Telematics.Ingest.Mqtt.Packets;

/// <summary>
/// The MQTT 5.0 properties of a packet (§2.2.2), any subset set. Used for every packet except the
/// hot-path PUBLISH parse (which scans its properties without allocating). Reading checks that
/// each property is allowed in the packet, not repeated (except User Property and Subscription
/// Identifier) and in range; writing emits them in identifier order.
/// </summary>
public sealed class MqttProperties
{
    public byte? PayloadFormatIndicator { get; set; }
    public uint? MessageExpiryInterval { get; set; }
    public string? ContentType { get; set; }
    public string? ResponseTopic { get; set; }
    public byte[]? CorrelationData { get; set; }
    public List<int> SubscriptionIdentifiers { get; } = [];
    public uint? SessionExpiryInterval { get; set; }
    public string? AssignedClientIdentifier { get; set; }
    public ushort? ServerKeepAlive { get; set; }
    public string? AuthenticationMethod { get; set; }
    public byte[]? AuthenticationData { get; set; }
    public byte? RequestProblemInformation { get; set; }
    public uint? WillDelayInterval { get; set; }
    public byte? RequestResponseInformation { get; set; }
    public string? ResponseInformation { get; set; }
    public string? ServerReference { get; set; }
    public string? ReasonString { get; set; }
    public ushort? ReceiveMaximum { get; set; }
    public ushort? TopicAliasMaximum { get; set; }
    public ushort? TopicAlias { get; set; }
    public byte? MaximumQos { get; set; }
    public byte? RetainAvailable { get; set; }
    public List<KeyValuePair<string, string>> UserProperties { get; } = [];
    public uint? MaximumPacketSize { get; set; }
    public byte? WildcardSubscriptionAvailable { get; set; }
    public byte? SubscriptionIdentifierAvailable { get; set; }
    public byte? SharedSubscriptionAvailable { get; set; }

    public bool IsEmpty => Measure() == 0;

    /// <summary>Reads the property length and the properties that follow it.</summary>
    public static MqttProperties Read(ref MqttSpanReader reader, MqttPacketType packet, bool will = false)
    {
        var length = reader.ReadVariableByteInteger();
        if (length > reader.Remaining)
        {
            MqttProtocolException.Malformed(MqttReasons.PropertiesOverrun);
        }

        var body = new MqttSpanReader(reader.Take(length));
        var properties = new MqttProperties();
        var context = MqttPropertyId.ContextBit(packet, will);
        var seen = 0UL;
        while (!body.End)
        {
            var id = body.ReadVariableByteInteger();
            var allowed = MqttPropertyId.AllowedIn(id);
            if (allowed == 0)
            {
                MqttProtocolException.Malformed(MqttReasons.PropertyUnknown);
            }

            if ((allowed & context) == 0)
            {
                MqttProtocolException.Malformed(MqttReasons.PropertyNotAllowed);
            }

            if (id != MqttPropertyId.UserProperty && id != MqttPropertyId.SubscriptionIdentifier)
            {
                var bit = 1UL << id;
                if ((seen & bit) != 0)
                {
                    MqttProtocolException.ProtocolError(MqttReasons.PropertyDuplicate);
                }

                seen |= bit;
            }

            properties.ReadOne(ref body, id);
        }

        return properties;
    }

    /// <summary>Bytes the properties take, without the length prefix.</summary>
    public int Measure()
    {
        var n = 0;
        n += Size(PayloadFormatIndicator, 1) + Size(MessageExpiryInterval, 4) + SizeString(ContentType) + SizeString(ResponseTopic);
        n += SizeBinary(CorrelationData);
        foreach (var id in SubscriptionIdentifiers)
        {
            n += 1 + MqttVariableByteInteger.SizeOf(id);
        }

        n += Size(SessionExpiryInterval, 4) + SizeString(AssignedClientIdentifier) + Size(ServerKeepAlive, 2) + SizeString(AuthenticationMethod);
        n += SizeBinary(AuthenticationData) + Size(RequestProblemInformation, 1) + Size(WillDelayInterval, 4) + Size(RequestResponseInformation, 1);
        n += SizeString(ResponseInformation) + SizeString(ServerReference) + SizeString(ReasonString) + Size(ReceiveMaximum, 2);
        n += Size(TopicAliasMaximum, 2) + Size(TopicAlias, 2) + Size(MaximumQos, 1) + Size(RetainAvailable, 1);
        foreach (var (key, value) in UserProperties)
        {
            n += 1 + 2 + Encoding.UTF8.GetByteCount(key) + 2 + Encoding.UTF8.GetByteCount(value);
        }

        n += Size(MaximumPacketSize, 4) + Size(WildcardSubscriptionAvailable, 1) + Size(SubscriptionIdentifierAvailable, 1) + Size(SharedSubscriptionAvailable, 1);
        return n;
    }

    /// <summary>Writes the properties (without the length prefix, <paramref name="destination"/> at least <see cref="Measure"/> long); returns the bytes written.</summary>
    public int Write(Span<byte> destination)
    {
        var w = new MqttSpanWriter(destination);
        Byte(ref w, MqttPropertyId.PayloadFormatIndicator, PayloadFormatIndicator);
        UInt(ref w, MqttPropertyId.MessageExpiryInterval, MessageExpiryInterval);
        Str(ref w, MqttPropertyId.ContentType, ContentType);
        Str(ref w, MqttPropertyId.ResponseTopic, ResponseTopic);
        Bin(ref w, MqttPropertyId.CorrelationData, CorrelationData);
        foreach (var id in SubscriptionIdentifiers)
        {
            w.Byte(MqttPropertyId.SubscriptionIdentifier);
            w.VariableByteInteger(id);
        }

        UInt(ref w, MqttPropertyId.SessionExpiryInterval, SessionExpiryInterval);
        Str(ref w, MqttPropertyId.AssignedClientIdentifier, AssignedClientIdentifier);
        Short(ref w, MqttPropertyId.ServerKeepAlive, ServerKeepAlive);
        Str(ref w, MqttPropertyId.AuthenticationMethod, AuthenticationMethod);
        Bin(ref w, MqttPropertyId.AuthenticationData, AuthenticationData);
        Byte(ref w, MqttPropertyId.RequestProblemInformation, RequestProblemInformation);
        UInt(ref w, MqttPropertyId.WillDelayInterval, WillDelayInterval);
        Byte(ref w, MqttPropertyId.RequestResponseInformation, RequestResponseInformation);
        Str(ref w, MqttPropertyId.ResponseInformation, ResponseInformation);
        Str(ref w, MqttPropertyId.ServerReference, ServerReference);
        Str(ref w, MqttPropertyId.ReasonString, ReasonString);
        Short(ref w, MqttPropertyId.ReceiveMaximum, ReceiveMaximum);
        Short(ref w, MqttPropertyId.TopicAliasMaximum, TopicAliasMaximum);
        Short(ref w, MqttPropertyId.TopicAlias, TopicAlias);
        Byte(ref w, MqttPropertyId.MaximumQos, MaximumQos);
        Byte(ref w, MqttPropertyId.RetainAvailable, RetainAvailable);
        foreach (var (key, value) in UserProperties)
        {
            w.Byte(MqttPropertyId.UserProperty);
            w.String(key);
            w.String(value);
        }

        UInt(ref w, MqttPropertyId.MaximumPacketSize, MaximumPacketSize);
        Byte(ref w, MqttPropertyId.WildcardSubscriptionAvailable, WildcardSubscriptionAvailable);
        Byte(ref w, MqttPropertyId.SubscriptionIdentifierAvailable, SubscriptionIdentifierAvailable);
        Byte(ref w, MqttPropertyId.SharedSubscriptionAvailable, SharedSubscriptionAvailable);
        return w.Position;
    }

    private void ReadOne(ref MqttSpanReader r, int id)
    {
        switch (id)
        {
            case MqttPropertyId.PayloadFormatIndicator: PayloadFormatIndicator = Flag(r.ReadByte()); break;
            case MqttPropertyId.MessageExpiryInterval: MessageExpiryInterval = r.ReadUInt32(); break;
            case MqttPropertyId.ContentType: ContentType = r.ReadString(); break;
            case MqttPropertyId.ResponseTopic: ResponseTopic = r.ReadString(); break;
            case MqttPropertyId.CorrelationData: CorrelationData = r.ReadBinary().ToArray(); break;
            case MqttPropertyId.SubscriptionIdentifier:
                var sid = r.ReadVariableByteInteger();
                if (sid == 0)
                {
                    MqttProtocolException.ProtocolError(MqttReasons.PropertyValue);
                }

                SubscriptionIdentifiers.Add(sid);
                break;
            case MqttPropertyId.SessionExpiryInterval: SessionExpiryInterval = r.ReadUInt32(); break;
            case MqttPropertyId.AssignedClientIdentifier: AssignedClientIdentifier = r.ReadString(); break;
            case MqttPropertyId.ServerKeepAlive: ServerKeepAlive = r.ReadUInt16(); break;
            case MqttPropertyId.AuthenticationMethod: AuthenticationMethod = r.ReadString(); break;
            case MqttPropertyId.AuthenticationData: AuthenticationData = r.ReadBinary().ToArray(); break;
            case MqttPropertyId.RequestProblemInformation: RequestProblemInformation = Flag(r.ReadByte()); break;
            case MqttPropertyId.WillDelayInterval: WillDelayInterval = r.ReadUInt32(); break;
            case MqttPropertyId.RequestResponseInformation: RequestResponseInformation = Flag(r.ReadByte()); break;
            case MqttPropertyId.ResponseInformation: ResponseInformation = r.ReadString(); break;
            case MqttPropertyId.ServerReference: ServerReference = r.ReadString(); break;
            case MqttPropertyId.ReasonString: ReasonString = r.ReadString(); break;
            case MqttPropertyId.ReceiveMaximum: ReceiveMaximum = NonZero(r.ReadUInt16()); break;
            case MqttPropertyId.TopicAliasMaximum: TopicAliasMaximum = r.ReadUInt16(); break;
            case MqttPropertyId.TopicAlias: TopicAlias = NonZero(r.ReadUInt16()); break;
            case MqttPropertyId.MaximumQos: MaximumQos = Flag(r.ReadByte()); break;
            case MqttPropertyId.RetainAvailable: RetainAvailable = Flag(r.ReadByte()); break;
            case MqttPropertyId.UserProperty:
                var key = r.ReadString();
                UserProperties.Add(new(key, r.ReadString()));
                break;
            case MqttPropertyId.MaximumPacketSize:
                var max = r.ReadUInt32();
                if (max == 0)
                {
                    MqttProtocolException.ProtocolError(MqttReasons.PropertyValue);
                }

                MaximumPacketSize = max;
                break;
            case MqttPropertyId.WildcardSubscriptionAvailable: WildcardSubscriptionAvailable = Flag(r.ReadByte()); break;
            case MqttPropertyId.SubscriptionIdentifierAvailable: SubscriptionIdentifierAvailable = Flag(r.ReadByte()); break;
            case MqttPropertyId.SharedSubscriptionAvailable: SharedSubscriptionAvailable = Flag(r.ReadByte()); break;
            default: MqttProtocolException.Malformed(MqttReasons.PropertyUnknown); break;
        }
    }

    /// <summary>Properties that are booleans or QoS: 0 or 1 only.</summary>
    private static byte Flag(byte value)
    {
        if (value > 1)
        {
            MqttProtocolException.ProtocolError(MqttReasons.PropertyValue);
        }

        return value;
    }

    private static ushort NonZero(ushort value)
    {
        if (value == 0)
        {
            MqttProtocolException.ProtocolError(MqttReasons.PropertyValue);
        }

        return value;
    }

    private static int Size<T>(T? value, int size)
        where T : struct => value.HasValue ? 1 + size : 0;

    private static int SizeString(string? value) => value is null ? 0 : 1 + 2 + Encoding.UTF8.GetByteCount(value);

    private static int SizeBinary(byte[]? value) => value is null ? 0 : 1 + 2 + value.Length;

    private static void Byte(ref MqttSpanWriter w, byte id, byte? value)
    {
        if (value is { } v)
        {
            w.Byte(id);
            w.Byte(v);
        }
    }

    private static void Short(ref MqttSpanWriter w, byte id, ushort? value)
    {
        if (value is { } v)
        {
            w.Byte(id);
            w.UInt16(v);
        }
    }

    private static void UInt(ref MqttSpanWriter w, byte id, uint? value)
    {
        if (value is { } v)
        {
            w.Byte(id);
            w.UInt32(v);
        }
    }

    private static void Str(ref MqttSpanWriter w, byte id, string? value)
    {
        if (value is not null)
        {
            w.Byte(id);
            w.String(value);
        }
    }

    private static void Bin(ref MqttSpanWriter w, byte id, byte[]? value)
    {
        if (value is not null)
        {
            w.Byte(id);
            w.Binary(value);
        }
    }
}
