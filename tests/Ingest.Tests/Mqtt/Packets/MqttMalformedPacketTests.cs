using System.Buffers;
using Telematics.Ingest.Mqtt.Packets;

namespace Telematics.Ingest.Tests.Mqtt.Packets;

/// <summary>Packets that break the specs are refused with the reason code a 5.0 peer would be told.</summary>
public sealed class MqttMalformedPacketTests
{
    [Theory]
    [InlineData("00 00", "reserved packet type 0")]
    [InlineData("C1 00", "PINGREQ with flags")]
    [InlineData("80 05 00 01 00 00 00", "SUBSCRIBE with flags 0000")]
    [InlineData("A0 05 00 01 00 01 61", "UNSUBSCRIBE with flags 0000")]
    [InlineData("60 02 00 01", "PUBREL with flags 0000")]
    [InlineData("36 05 00 01 61 00 01", "PUBLISH QoS 3")]
    [InlineData("38 04 00 01 61 00", "PUBLISH QoS 0 with DUP")]
    [InlineData("41 02 00 01", "PUBACK with flags")]
    public void Reserved_fixed_header_flags_are_malformed(string hex, string what)
    {
        var ex = MqttKit.Refused(Bytes(hex));
        Assert.True(ex.Code == MqttReasonCode.MalformedPacket, what);
    }

    [Fact]
    public void A_packet_over_the_maximum_size_is_refused_from_its_header_alone()
    {
        // Only the fixed header has arrived: 1 + 2 + 200 bytes declared, 100 allowed.
        var buffer = new ReadOnlySequence<byte>(Bytes("30 C8 01"));
        var ex = Assert.Throws<MqttProtocolException>(() => MqttFrameReader.TryReadPacket(ref buffer, 100, out _));
        Assert.Equal(MqttReasonCode.PacketTooLarge, ex.Code);
    }

    [Theory]
    [InlineData("00 03 61 ED A0 80", "encoded surrogate U+D800")]
    [InlineData("00 03 61 00 62", "U+0000")]
    [InlineData("00 02 C0 AF", "overlong encoding")]
    [InlineData("00 02 61 FF", "byte FF")]
    [InlineData("00 02 61 C3", "truncated sequence")]
    public void Topic_names_that_are_not_valid_mqtt_utf8_are_malformed(string topicField, string what)
    {
        var body = Bytes(topicField);
        byte[] packet = [0x30, (byte)body.Length, .. body];
        var ex = MqttKit.Refused(packet, MqttProtocolVersion.V311);
        Assert.True(ex.Code == MqttReasonCode.MalformedPacket, what);
        Assert.Equal(MqttReasons.InvalidUtf8, ex.Message);
    }

    [Theory]
    [InlineData("a/+")]
    [InlineData("a/#")]
    public void Wildcards_in_a_publish_topic_are_topic_name_invalid(string topic)
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, topic, "x"u8, MqttQos.AtMostOnce));
        Assert.Equal(MqttReasonCode.TopicNameInvalid, MqttKit.Refused(bytes).Code);
    }

    [Fact]
    public void Publish_with_packet_identifier_zero_is_a_protocol_error()
    {
        Assert.Equal(MqttReasonCode.ProtocolError, MqttKit.Refused(Bytes("32 05 00 01 61 00 00"), MqttProtocolVersion.V311).Code);
    }

    [Fact]
    public void Publish_shorter_than_its_topic_length_is_malformed()
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("30 03 00 05 61"), MqttProtocolVersion.V311).Code);
    }

    [Fact]
    public void Publish_with_a_topic_alias_is_refused_because_the_maximum_is_zero()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "t", "x"u8, MqttQos.AtMostOnce, properties: new MqttProperties { TopicAlias = 1 }));
        Assert.Equal(MqttReasonCode.TopicAliasInvalid, MqttKit.Refused(bytes).Code);
    }

    [Fact]
    public void A_property_given_twice_is_a_protocol_error_and_a_foreign_one_malformed()
    {
        // PUBLISH "t", properties: Payload Format Indicator twice.
        Assert.Equal(MqttReasonCode.ProtocolError, MqttKit.Refused(Bytes("30 08 00 01 74 04 01 00 01 01")).Code);

        // PUBLISH "t", properties: Session Expiry Interval, which only CONNECT, CONNACK and DISCONNECT carry.
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("30 09 00 01 74 05 11 00 00 00 01")).Code);

        // Properties longer than the packet.
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("30 05 00 01 74 09 01")).Code);
    }

    [Fact]
    public void Connect_with_a_wrong_protocol_name_or_level_is_unsupported_protocol_version()
    {
        // "MQIsdp" level 3 (MQTT 3.1).
        Assert.Equal(MqttReasonCode.UnsupportedProtocolVersion, MqttKit.Refused(Bytes("10 10 00 06 4D 51 49 73 64 70 03 02 00 3C 00 02 63 31")).Code);

        // "MQTT" level 6.
        Assert.Equal(MqttReasonCode.UnsupportedProtocolVersion, MqttKit.Refused(Bytes("10 0C 00 04 4D 51 54 54 06 02 00 3C 00 00")).Code);

        // "MQTX" level 4.
        Assert.Equal(MqttReasonCode.UnsupportedProtocolVersion, MqttKit.Refused(Bytes("10 0C 00 04 4D 51 54 58 04 02 00 3C 00 00")).Code);
    }

    [Theory]
    [InlineData("10 0C 00 04 4D 51 54 54 04 03 00 3C 00 00", "reserved connect flag")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 0A 00 3C 00 00", "will QoS without will flag")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 42 00 3C 00 00", "3.1.1 password without user name")]
    [InlineData("10 0D 00 04 4D 51 54 54 04 02 00 3C 00 00 FF", "trailing byte")]
    [InlineData("10 0C 00 04 4D 51 54 54 04 02 00 3C 00 05", "client id longer than the packet")]
    public void Connect_breaches_are_malformed(string hex, string what)
    {
        Assert.True(MqttKit.Refused(Bytes(hex)).Code == MqttReasonCode.MalformedPacket, what);
    }

    [Fact]
    public void Subscribe_options_reserved_bits_and_empty_filter_lists_are_refused()
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("82 06 00 01 00 01 61 04"), MqttProtocolVersion.V311).Code);
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("82 07 00 01 00 00 01 61 C0")).Code);
        Assert.Equal(MqttReasonCode.ProtocolError, MqttKit.Refused(Bytes("82 02 00 01"), MqttProtocolVersion.V311).Code);
    }

    [Fact]
    public void Pingreq_and_311_disconnect_with_a_body_are_malformed()
    {
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("C0 01 00")).Code);
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(Bytes("E0 01 00"), MqttProtocolVersion.V311).Code);
    }

    [Theory]
    [InlineData("a/b", true)]
    [InlineData("a/+/c", true)]
    [InlineData("#", true)]
    [InlineData("a/#", true)]
    [InlineData("$share/g/a/+", true)]
    [InlineData("a/#/b", false)]
    [InlineData("a+/b", false)]
    [InlineData("a/b#", false)]
    [InlineData("", false)]
    [InlineData("$share//a", false)]
    [InlineData("$share/g+/a", false)]
    public void Topic_filters_follow_the_wildcard_rules(string filter, bool valid) =>
        Assert.Equal(valid, MqttTopic.IsValidFilter(filter));

    [Theory]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/#", "a", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("#", "$SYS/x", false)]
    [InlineData("$share/g/t/+", "t/1", true)]
    [InlineData("a/+", "a/b/c", false)]
    public void Topic_filters_match_topic_names(string filter, string topic, bool matches) =>
        Assert.Equal(matches, MqttTopic.Matches(filter, topic));

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
