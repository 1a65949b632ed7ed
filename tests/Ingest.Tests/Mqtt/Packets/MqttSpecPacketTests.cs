using System.Buffers;
using System.Text;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Mqtt.Packets;

/// <summary>Byte-exact packets and values as the OASIS MQTT 3.1.1 and 5.0 standards give them.</summary>
public sealed class MqttSpecPacketTests
{
    // The spec's table of Remaining Length sizes (3.1.1 §2.2.3, 5.0 §1.5.5): the edges of 1 to 4 bytes.
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7F")]
    [InlineData(128, "8001")]
    [InlineData(16_383, "FF7F")]
    [InlineData(16_384, "808001")]
    [InlineData(2_097_151, "FFFF7F")]
    [InlineData(2_097_152, "80808001")]
    [InlineData(268_435_455, "FFFFFF7F")]
    public void Variable_byte_integers_encode_and_decode_as_in_the_spec_table(int value, string hex)
    {
        var bytes = new byte[4];
        var n = MqttVariableByteInteger.Write(bytes, value);
        Assert.Equal(hex, Convert.ToHexString(bytes, 0, n));
        Assert.Equal(n, MqttVariableByteInteger.SizeOf(value));
        Assert.Equal(n, MqttVariableByteInteger.TryRead(Convert.FromHexString(hex), out var read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void A_fifth_remaining_length_byte_is_malformed()
    {
        Assert.Equal(-1, MqttVariableByteInteger.TryRead(Convert.FromHexString("FFFFFFFF01"), out _));
        var ex = MqttKit.Refused(Convert.FromHexString("30FFFFFFFF01"));
        Assert.Equal(MqttReasonCode.MalformedPacket, ex.Code);
    }

    // 5.0 §1.5.5 and 3.1.1 §2.2.3: "the minimum number of bytes"; a last byte of 0x00 after the first always wastes one.
    [Theory]
    [InlineData("8000", 0)]
    [InlineData("FF00", 127)]
    [InlineData("808000", 0)]
    [InlineData("FFFF00", 16_383)]
    [InlineData("80808000", 0)]
    [InlineData("FFFFFF00", 2_097_151)]
    public void An_over_long_variable_byte_integer_is_not_minimal(string hex, int value)
    {
        Assert.Equal(MqttVariableByteInteger.NotMinimal, MqttVariableByteInteger.TryRead(Convert.FromHexString(hex), out var read));
        Assert.Equal(value, read);
        Assert.True(MqttVariableByteInteger.SizeOf(value) < hex.Length / 2);
    }

    [Theory]
    [InlineData("C000")]
    [InlineData("E000")]
    public void A_zero_length_packet_in_one_byte_is_read(string hex) =>
        Assert.Equal(0, MqttKit.ReadOne(Convert.FromHexString(hex)).Body.Length);

    [Theory]
    [InlineData("C08000", "PINGREQ, remaining length 0 in 2 bytes")]
    [InlineData("E0808000", "DISCONNECT, remaining length 0 in 3 bytes")]
    [InlineData("3085000001610078", "PUBLISH \"a\" 'x', remaining length 5 in 2 bytes")]
    [InlineData("3080808000", "PUBLISH, remaining length 0 in 4 bytes")]
    public void A_remaining_length_not_in_its_fewest_bytes_is_malformed(string hex, string what)
    {
        var ex = MqttKit.Refused(Convert.FromHexString(hex));
        Assert.True(ex.Code == MqttReasonCode.MalformedPacket, what);
        Assert.Equal(MqttReasons.VariableByteIntegerNotMinimal, ex.Message);
    }

    [Fact]
    public void An_over_long_remaining_length_is_refused_once_its_last_byte_arrives_not_before()
    {
        var partial = new ReadOnlySequence<byte>(Convert.FromHexString("C080"));
        Assert.False(MqttFrameReader.TryReadPacket(ref partial, MqttKit.Max, out _));
        Assert.Equal(2, partial.Length);

        var split = Segments.OneBytePerSegment(Convert.FromHexString("C08000"));
        var ex = Assert.Throws<MqttProtocolException>(() => MqttFrameReader.TryReadPacket(ref split, MqttKit.Max, out _));
        Assert.Equal(MqttReasonCode.MalformedPacket, ex.Code);
    }

    [Fact]
    public void A_v5_property_length_not_in_its_fewest_bytes_is_malformed()
    {
        // PUBLISH QoS 0, topic "a", property length 0 written as 80 00, payload 'x'.
        var ex = MqttKit.Refused(Convert.FromHexString("30060001618000" + "78"));
        Assert.Equal(MqttReasonCode.MalformedPacket, ex.Code);
        Assert.Equal(MqttReasons.VariableByteIntegerNotMinimal, ex.Message);

        // The same packet with the property length in one byte is fine.
        MqttKit.ParseAny(MqttKit.ReadOne(Convert.FromHexString("300500016100" + "78")), MqttProtocolVersion.V500);
    }

    // 3.1.1 §3.1.2.10: the variable header of a CONNECT with keep alive 10, user name, password, will QoS 1, clean session.
    [Fact]
    public void Connect_311_variable_header_matches_the_spec_example()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteConnect(w, new MqttConnect
        {
            ProtocolVersion = MqttProtocolVersion.V311,
            CleanStart = true,
            KeepAliveSeconds = 10,
            ClientId = "c",
            Will = new MqttWill { Topic = "w", Payload = [1], Qos = MqttQos.AtLeastOnce },
            UserName = "u",
            Password = [(byte)'p'],
        }));

        // Protocol name 00 04 'MQTT', level 4, flags CE (user, password, will QoS 1, will, clean), keep alive 00 0A.
        Assert.Equal("00044D51545404CE000A", MqttKit.Hex(bytes[2..12]));
        var connect = MqttPacketParser.ParseConnect(MqttKit.ReadOne(bytes));
        Assert.Equal(MqttProtocolVersion.V311, connect.ProtocolVersion);
        Assert.Equal("c", connect.ClientId);
        Assert.Equal("u", connect.UserName);
        Assert.Equal("p"u8.ToArray(), connect.Password);
        Assert.Equal(MqttQos.AtLeastOnce, connect.Will!.Qos);
        Assert.Equal((ushort)10, connect.KeepAliveSeconds);
    }

    // 5.0 §3.1.2.12: the same header in 5.0 adds a property length (here Session Expiry Interval 10).
    [Fact]
    public void Connect_50_variable_header_carries_properties_after_keep_alive()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteConnect(w, new MqttConnect
        {
            ProtocolVersion = MqttProtocolVersion.V500,
            CleanStart = false,
            KeepAliveSeconds = 10,
            ClientId = "",
            Properties = new MqttProperties { SessionExpiryInterval = 10 },
        }));

        Assert.Equal("101200044D5154540500000A05110000000A0000", MqttKit.Hex(bytes));
        var connect = MqttPacketParser.ParseConnect(MqttKit.ReadOne(bytes));
        Assert.Equal(MqttProtocolVersion.V500, connect.ProtocolVersion);
        Assert.False(connect.CleanStart);
        Assert.Equal(10u, connect.Properties.SessionExpiryInterval);
    }

    [Theory]
    [InlineData("C000", MqttPacketType.PingReq)]
    [InlineData("D000", MqttPacketType.PingResp)]
    [InlineData("E000", MqttPacketType.Disconnect)]
    public void Empty_packets_are_two_bytes(string hex, MqttPacketType type)
    {
        var frame = MqttKit.ReadOne(Convert.FromHexString(hex));
        Assert.Equal(type, frame.Type);
        MqttPacketParser.ParseEmpty(frame);
        var written = MqttKit.Encode(w =>
        {
            switch (type)
            {
                case MqttPacketType.PingReq: MqttPacketWriter.WritePingReq(w); break;
                case MqttPacketType.PingResp: MqttPacketWriter.WritePingResp(w); break;
                default: MqttPacketWriter.WriteDisconnect(w, MqttProtocolVersion.V311); break;
            }
        });
        Assert.Equal(hex, MqttKit.Hex(written));
    }

    [Fact]
    public void Connack_encodes_session_present_and_the_version_specific_code()
    {
        Assert.Equal("20020000", MqttKit.Hex(MqttKit.Encode(w => MqttPacketWriter.WriteConnAck(w, MqttProtocolVersion.V311, new MqttConnAck()))));
        Assert.Equal("20020104", MqttKit.Hex(MqttKit.Encode(w => MqttPacketWriter.WriteConnAck(w, MqttProtocolVersion.V311, new MqttConnAck { SessionPresent = true, ReasonCode = MqttReasonCode.BadUserNameOrPassword }))));
        Assert.Equal("2003008600", MqttKit.Hex(MqttKit.Encode(w => MqttPacketWriter.WriteConnAck(w, MqttProtocolVersion.V500, new MqttConnAck { ReasonCode = MqttReasonCode.BadUserNameOrPassword }))));
    }

    // 3.1.1 §3.8.3: SUBSCRIBE of "a/b" QoS 1 and "c/d" QoS 2 with packet identifier 10; §3.9.3: its SUBACK.
    [Fact]
    public void Subscribe_and_suback_match_the_311_spec_examples()
    {
        var subscribe = MqttKit.Encode(w => MqttPacketWriter.WriteSubscribe(w, MqttProtocolVersion.V311, new MqttSubscribe
        {
            PacketId = 10,
            Subscriptions = [new("a/b", MqttQos.AtLeastOnce), new("c/d", MqttQos.ExactlyOnce)],
        }));
        Assert.Equal("820E000A0003612F62010003632F6402", MqttKit.Hex(subscribe));
        var parsed = MqttPacketParser.ParseSubscribe(MqttKit.ReadOne(subscribe), MqttProtocolVersion.V311);
        Assert.Equal(["a/b", "c/d"], parsed.Subscriptions.Select(s => s.TopicFilter));

        var subAck = MqttKit.Encode(w => MqttPacketWriter.WriteSubAck(w, MqttProtocolVersion.V311, new MqttSubAck
        {
            PacketId = 10,
            ReasonCodes = [MqttReasonCode.Success, MqttReasonCode.GrantedQos2, MqttReasonCode.NotAuthorized],
        }));
        Assert.Equal("9005000A000280", MqttKit.Hex(subAck));
    }

    [Fact]
    public void Publish_qos1_311_is_header_topic_packet_id_payload()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V311, "a/b"u8, "hi"u8, MqttQos.AtLeastOnce, packetId: 10));
        Assert.Equal("32090003612F62000A6869", MqttKit.Hex(bytes));
        MqttPublishParser.Parse(MqttKit.ReadOne(bytes), MqttProtocolVersion.V311, out var publish);
        Assert.Equal("a/b", Encoding.UTF8.GetString(publish.Topic.ToArray()));
        Assert.Equal("hi", Encoding.UTF8.GetString(publish.Payload.ToArray()));
        Assert.Equal((ushort)10, publish.PacketId);
    }

    [Fact]
    public void Publish_50_carries_a_property_length_and_properties()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "t"u8, "x"u8, MqttQos.AtMostOnce, properties: new MqttProperties { PayloadFormatIndicator = 1 }));
        Assert.Equal("3007000174020101" + "78", MqttKit.Hex(bytes));
        MqttPublishParser.Parse(MqttKit.ReadOne(bytes), MqttProtocolVersion.V500, out var publish);
        Assert.Equal((byte)1, publish.PayloadFormatIndicator);
        Assert.Equal("x", Encoding.UTF8.GetString(publish.Payload.ToArray()));
    }

    [Theory]
    [InlineData(MqttPacketType.PubAck, "4002000A")]
    [InlineData(MqttPacketType.PubRec, "5002000A")]
    [InlineData(MqttPacketType.PubRel, "6202000A")]
    [InlineData(MqttPacketType.PubComp, "7002000A")]
    public void Publish_acknowledgements_are_four_bytes_and_pubrel_has_flags_0010(MqttPacketType type, string hex)
    {
        Assert.Equal(hex, MqttKit.Hex(MqttKit.Encode(w => MqttPacketWriter.WritePublishAck(w, MqttProtocolVersion.V311, type, 10))));
        var ack = MqttPacketParser.ParsePublishAck(MqttKit.ReadOne(Convert.FromHexString(hex)), MqttProtocolVersion.V500);
        Assert.Equal(type, ack.Type);
        Assert.Equal(MqttReasonCode.Success, ack.ReasonCode);
    }

    [Fact]
    public void Puback_50_with_a_failure_reason_carries_the_reason_byte()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WritePublishAck(w, MqttProtocolVersion.V500, MqttPacketType.PubAck, 7, MqttReasonCode.PayloadFormatInvalid));
        Assert.Equal("4003000799", MqttKit.Hex(bytes));
        Assert.Equal(MqttReasonCode.PayloadFormatInvalid, MqttPacketParser.ParsePublishAck(MqttKit.ReadOne(bytes), MqttProtocolVersion.V500).ReasonCode);
    }

    [Fact]
    public void Disconnect_50_carries_its_reason_code()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteDisconnect(w, MqttProtocolVersion.V500, MqttReasonCode.SessionTakenOver));
        Assert.Equal("E0018E", MqttKit.Hex(bytes));
        Assert.Equal(MqttReasonCode.SessionTakenOver, MqttPacketParser.ParseDisconnect(MqttKit.ReadOne(bytes), MqttProtocolVersion.V500).ReasonCode);
        Assert.Equal(MqttReasonCode.Success, MqttPacketParser.ParseDisconnect(MqttKit.ReadOne(Convert.FromHexString("E000")), MqttProtocolVersion.V500).ReasonCode);
    }

    [Fact]
    public void Unsubscribe_and_unsuback_round_trip_in_both_versions()
    {
        foreach (var version in new[] { MqttProtocolVersion.V311, MqttProtocolVersion.V500 })
        {
            var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteUnsubscribe(w, version, new MqttUnsubscribe { PacketId = 3, TopicFilters = ["a/#", "b/+"] }));
            Assert.Equal(["a/#", "b/+"], MqttPacketParser.ParseUnsubscribe(MqttKit.ReadOne(bytes), version).TopicFilters);
            var ack = MqttKit.Encode(w => MqttPacketWriter.WriteUnsubAck(w, version, new MqttUnsubAck { PacketId = 3, ReasonCodes = [MqttReasonCode.Success, MqttReasonCode.NoSubscriptionExisted] }));
            var parsed = MqttPacketParser.ParseUnsubAck(MqttKit.ReadOne(ack), version);
            Assert.Equal((ushort)3, parsed.PacketId);
            Assert.Equal(version == MqttProtocolVersion.V500 ? 2 : 0, parsed.ReasonCodes.Count);
        }

        Assert.Equal("B002000A", MqttKit.Hex(MqttKit.Encode(w => MqttPacketWriter.WriteUnsubAck(w, MqttProtocolVersion.V311, new MqttUnsubAck { PacketId = 10 }))));
    }

    [Fact]
    public void Auth_round_trips_in_50_and_is_malformed_in_311()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteAuth(w, new MqttAuth { ReasonCode = MqttReasonCode.ContinueAuthentication, Properties = new MqttProperties { AuthenticationMethod = "SCRAM" } }));
        var auth = MqttPacketParser.ParseAuth(MqttKit.ReadOne(bytes), MqttProtocolVersion.V500);
        Assert.Equal("SCRAM", auth.Properties.AuthenticationMethod);
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttKit.Refused(bytes, MqttProtocolVersion.V311).Code);
    }

    [Fact]
    public void Connack_50_properties_round_trip()
    {
        var properties = new MqttProperties
        {
            ReceiveMaximum = 100,
            MaximumQos = 1,
            RetainAvailable = 0,
            MaximumPacketSize = 65_536,
            AssignedClientIdentifier = "auto-1",
            TopicAliasMaximum = 0,
            WildcardSubscriptionAvailable = 0,
            SharedSubscriptionAvailable = 0,
            ServerKeepAlive = 30,
            ReasonString = "ok",
        };
        properties.UserProperties.Add(new("k", "v"));
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WriteConnAck(w, MqttProtocolVersion.V500, new MqttConnAck { SessionPresent = true, Properties = properties }));
        var back = MqttPacketParser.ParseConnAck(MqttKit.ReadOne(bytes), MqttProtocolVersion.V500);
        Assert.True(back.SessionPresent);
        Assert.Equal((ushort)100, back.Properties.ReceiveMaximum);
        Assert.Equal(65_536u, back.Properties.MaximumPacketSize);
        Assert.Equal("auto-1", back.Properties.AssignedClientIdentifier);
        Assert.Equal((ushort)30, back.Properties.ServerKeepAlive);
        Assert.Equal(new KeyValuePair<string, string>("k", "v"), Assert.Single(back.Properties.UserProperties));
        Assert.Equal(properties.Measure(), back.Properties.Measure());
    }

    [Fact]
    public void Parsing_a_publish_allocates_nothing_in_one_segment_or_straddling()
    {
        var bytes = MqttKit.Encode(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "telematics/356307042441013/position"u8, new byte[120], MqttQos.AtLeastOnce, 77));
        var whole = new ReadOnlySequence<byte>(bytes);
        var split = Support.Segments.SplitAt(bytes, 20);
        Run(whole);
        Run(split);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run(whole);
            Run(split);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Run(ReadOnlySequence<byte> buffer)
        {
            if (!MqttFrameReader.TryReadPacket(ref buffer, MqttKit.Max, out var frame))
            {
                throw new InvalidOperationException("incomplete");
            }

            MqttPublishParser.Parse(frame, MqttProtocolVersion.V500, out var publish);
            if (publish.PacketId != 77)
            {
                throw new InvalidOperationException("wrong packet id");
            }
        }
    }
}
