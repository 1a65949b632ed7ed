using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Mqtt.Packets;

/// <summary>Round trips, every truncation prefix and every split point, over generated packets.</summary>
public sealed class MqttFramingProperties
{
    [Property(Arbitrary = [typeof(MqttArbitraries)], MaxTest = 300)]
    public void Publish_encoded_then_parsed_gives_back_topic_payload_qos_and_id(PublishSample p)
    {
        var bytes = p.Encode();
        MqttPublishParser.Parse(MqttKit.ReadOne(bytes), p.Version, out var publish);
        Assert.Equal(p.Topic, System.Text.Encoding.UTF8.GetString(publish.Topic.ToArray()));
        Assert.Equal(p.Payload, publish.Payload.ToArray());
        Assert.Equal(p.Qos, publish.Qos);
        Assert.Equal(p.Retain, publish.Retain);
        Assert.Equal(p.Qos == MqttQos.AtMostOnce ? (ushort)0 : p.PacketId, publish.PacketId);
    }

    [Property(Arbitrary = [typeof(MqttArbitraries)], MaxTest = 100)]
    public void Every_truncation_prefix_is_incomplete_and_consumes_nothing(PublishSample p)
    {
        var bytes = p.Encode();
        for (var n = 0; n < bytes.Length; n++)
        {
            var buffer = new ReadOnlySequence<byte>(bytes, 0, n);
            Assert.False(MqttFrameReader.TryReadPacket(ref buffer, MqttKit.Max, out _));
            Assert.Equal(n, buffer.Length);
        }
    }

    [Property(Arbitrary = [typeof(MqttArbitraries)], MaxTest = 100)]
    public void Every_split_point_parses_the_same_packet_and_the_next_one(PublishSample p)
    {
        byte[] bytes = [.. p.Encode(), 0xC0, 0x00];
        MqttPublishParser.Parse(MqttKit.ReadOne(p.Encode()), p.Version, out var whole);
        var expected = whole.Payload.ToArray();
        for (var split = 1; split < bytes.Length; split++)
        {
            var buffer = Segments.SplitAt(bytes, split);
            Assert.True(MqttFrameReader.TryReadPacket(ref buffer, MqttKit.Max, out var frame));
            MqttPublishParser.Parse(frame, p.Version, out var publish);
            Assert.Equal(expected, publish.Payload.ToArray());
            Assert.Equal(p.Topic, System.Text.Encoding.UTF8.GetString(publish.Topic.ToArray()));
            Assert.True(MqttFrameReader.TryReadPacket(ref buffer, MqttKit.Max, out var ping));
            Assert.Equal(MqttPacketType.PingReq, ping.Type);
            Assert.True(buffer.IsEmpty);
        }
    }

    [Property(Arbitrary = [typeof(MqttArbitraries)], MaxTest = 200)]
    public void Connect_round_trips_in_both_versions(ConnectSample c)
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteConnect(w, c.Connect));
        var back = MqttPacketParser.ParseConnect(Segments.OneBytePerSegment(bytes) is var seq ? MqttKit.ReadOne(seq) : default);
        Assert.Equal(c.Connect.ProtocolVersion, back.ProtocolVersion);
        Assert.Equal(c.Connect.ClientId, back.ClientId);
        Assert.Equal(c.Connect.UserName, back.UserName);
        Assert.Equal(c.Connect.Password, back.Password);
        Assert.Equal(c.Connect.CleanStart, back.CleanStart);
        Assert.Equal(c.Connect.KeepAliveSeconds, back.KeepAliveSeconds);
        Assert.Equal(c.Connect.Properties.SessionExpiryInterval, back.Properties.SessionExpiryInterval);
        Assert.Equal(c.Connect.Will?.Topic, back.Will?.Topic);
        Assert.Equal(c.Connect.Will?.Payload, back.Will?.Payload);
        Assert.Equal(c.Connect.Will?.Qos, back.Will?.Qos);
    }

    [Property(MaxTest = 300)]
    public void Arbitrary_bytes_are_either_incomplete_a_packet_or_a_protocol_exception(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        try
        {
            while (MqttFrameReader.TryReadPacket(ref buffer, MqttKit.Max, out var frame))
            {
                MqttKit.ParseAny(frame, MqttProtocolVersion.V500);
            }
        }
        catch (MqttProtocolException)
        {
            // Refused with a reason code: fine. Anything else fails the property.
        }
    }
}

public sealed record PublishSample(MqttProtocolVersion Version, string Topic, byte[] Payload, MqttQos Qos, ushort PacketId, bool Retain, bool WithProperties)
{
    public byte[] Encode()
    {
        MqttProperties? properties = null;
        if (WithProperties && Version == MqttProtocolVersion.V500)
        {
            properties = new MqttProperties { PayloadFormatIndicator = 0, MessageExpiryInterval = 60, ContentType = "application/json" };
            properties.UserProperties.Add(new("device", "ŝ"));
        }

        return MqttKit.Encode(w => MqttPacketWriter.WritePublish(w, Version, Topic, Payload, Qos, PacketId, Retain, false, properties));
    }

    public override string ToString() => $"{Version} {Topic} qos{(int)Qos} id{PacketId} {Payload.Length} B props={WithProperties}";
}

public sealed record ConnectSample(MqttConnect Connect)
{
    public override string ToString() => $"{Connect.ProtocolVersion} {Connect.ClientId} user={Connect.UserName} will={Connect.Will?.Topic}";
}

public static class MqttArbitraries
{
    private static readonly string[] Levels = ["telematics", "356307042441013", "position", "owntracks", "ü", "a b", "Ω", "x"];

    private static Gen<string> Topic =>
        Gen.ListOf(Gen.Elements(Levels)).Select(l => string.Join('/', l.Take(5))).Where(t => t.Length > 0);

    public static Arbitrary<PublishSample> Publish() =>
        (from version in Gen.Elements(MqttProtocolVersion.V311, MqttProtocolVersion.V500)
         from topic in Topic
         from length in Gen.Choose(0, 300)
         from payload in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length)
         from qos in Gen.Elements(MqttQos.AtMostOnce, MqttQos.AtLeastOnce, MqttQos.ExactlyOnce)
         from id in Gen.Choose(1, ushort.MaxValue)
         from retain in ArbMap.Default.GeneratorFor<bool>()
         from props in ArbMap.Default.GeneratorFor<bool>()
         select new PublishSample(version, topic, payload, qos, (ushort)id, retain, props)).ToArbitrary();

    public static Arbitrary<ConnectSample> Connect() =>
        (from version in Gen.Elements(MqttProtocolVersion.V311, MqttProtocolVersion.V500)
         from client in Gen.Elements("", "c", "356307042441013", "device-ü")
         from user in Gen.Elements<string?>(null, "u", "356307042441013")
         from password in Gen.Elements<byte[]?>(null, [], [1, 2, 3])
         from clean in ArbMap.Default.GeneratorFor<bool>()
         from keepAlive in Gen.Choose(0, ushort.MaxValue)
         from will in ArbMap.Default.GeneratorFor<bool>()
         from expiry in Gen.Elements<uint?>(null, 0u, 3600u)
         select new ConnectSample(new MqttConnect
         {
             ProtocolVersion = version,
             ClientId = client,
             UserName = user,
             Password = user is null && version == MqttProtocolVersion.V311 ? null : password,
             CleanStart = clean,
             KeepAliveSeconds = (ushort)keepAlive,
             Will = will ? new MqttWill { Topic = "telematics/x/status", Payload = [9, 9], Qos = MqttQos.AtLeastOnce, Retain = true } : null,
             Properties = version == MqttProtocolVersion.V500 ? new MqttProperties { SessionExpiryInterval = expiry } : new MqttProperties(),
         })).ToArbitrary();
}
