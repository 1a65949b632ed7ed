using System.Buffers;
using System.Text;
using Telematics.Ingest.Mqtt.Payloads;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Mqtt.Payloads;

public sealed class MqttPayloadTests
{
    [Theory]
    [InlineData("telematics/356307042441013/position", MqttPayloadKind.Json, "356307042441013")]
    [InlineData("telematics/x/teltonika", MqttPayloadKind.Teltonika, "x")]
    [InlineData("telematics/x/commands", MqttPayloadKind.Commands, "x")]
    [InlineData("owntracks/alice/phone1", MqttPayloadKind.OwnTracks, "phone1")]
    [InlineData("owntracks/alice/phone1/event", MqttPayloadKind.Unknown, "")]
    [InlineData("telematics/x/other", MqttPayloadKind.Unknown, "")]
    [InlineData("telematics//position", MqttPayloadKind.Unknown, "")]
    [InlineData("other/x/position", MqttPayloadKind.Unknown, "")]
    public void Topics_route_to_a_payload_kind_and_a_device(string topic, MqttPayloadKind kind, string device)
    {
        var bytes = Encoding.UTF8.GetBytes(topic);
        Assert.Equal(kind, MqttTopicLayout.Route(bytes, out var range));
        Assert.Equal(device, kind == MqttPayloadKind.Unknown ? "" : Encoding.UTF8.GetString(bytes.AsSpan(range)));
    }

    [Fact]
    public void Json_array_of_records_with_every_field_decodes()
    {
        var json = """
            [{"deviceId":"d1","time":"2025-03-01T02:03:04.5Z","lat":21.85,"lon":106.76,"speedKmh":55.5,"heading":270,"altitudeM":300,
              "satellites":11,"valid":true,"ignition":true,"odometerKm":12345.6,"driverId":"D-1","alarms":["sos"],"io":{"239":1,"note":"0a0b"},"extra":{"x":[1]}},
             {"time":"2025-03-01T09:03:05+07:00","lat":-1,"lon":-2}]
            """;
        var batch = Decode(json, out var reason);
        Assert.Null(reason);
        Assert.Equal(2, batch.Count);
        var first = batch.ToPositionRecord(0, "d1");
        Assert.Equal(new DateTime(2025, 3, 1, 2, 3, 4, 500, DateTimeKind.Utc), first.Time);
        Assert.Equal(55.5, first.SpeedKmh);
        Assert.True(first.Ignition);
        Assert.Equal(DeviceAlarms.Sos, first.Alarms);
        Assert.Equal([new IoValue("239", 1), ], first.Io.Where(i => !i.IsBytes));
        Assert.Equal(new byte[] { 10, 11 }, first.Io.Single(i => i.IsBytes).Bytes);
        Assert.Equal(new DateTime(2025, 3, 1, 2, 3, 5, DateTimeKind.Utc), batch.ToPositionRecord(1, "d1").Time);
    }

    [Theory]
    [InlineData("""{"time":"2025-03-01T00:00:00Z","lat":"21","lon":1}""", MqttPayloadReasons.WrongType)]
    [InlineData("""{"time":"2025-03-01T00:00:00Z","lat":91,"lon":1}""", MqttPayloadReasons.OutOfRange)]
    [InlineData("""{"time":"2025-03-01T00:00:00Z","lat":1,"lon":-181}""", MqttPayloadReasons.OutOfRange)]
    [InlineData("""{"time":"yesterday","lat":1,"lon":1}""", MqttPayloadReasons.WrongType)]
    [InlineData("""{"lat":1,"lon":1}""", MqttPayloadReasons.MissingField)]
    [InlineData("""{"deviceId":"other","time":"2025-03-01T00:00:00Z","lat":1,"lon":1}""", MqttPayloadReasons.DeviceMismatch)]
    [InlineData("""{"time":"2025-03-01T00:00:00Z","lat":1,"lon":1,"valid":"yes"}""", MqttPayloadReasons.WrongType)]
    [InlineData("""{"time":"2025-03-01T00:00:00Z","lat":1,"lon":1,"alarms":["meteor"]}""", MqttPayloadReasons.UnknownAlarm)]
    [InlineData("""{"time":"2025-03-01T00:00:00Z","lat":1,"lon":1""", MqttPayloadReasons.InvalidJson)]
    [InlineData("""[1]""", MqttPayloadReasons.NotAnObject)]
    [InlineData("""not json""", MqttPayloadReasons.InvalidJson)]
    public void Json_with_a_bad_known_field_is_refused_whole(string json, string expected)
    {
        var batch = Decode("[" + """{"time":"2025-03-01T00:00:00Z","lat":1,"lon":1}""" + "]", out _);
        Assert.Equal(1, batch.Count);
        var reason = JsonPositionPayload.Decode(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), "d1", batch);
        Assert.Equal(expected, reason);
        Assert.Equal(1, batch.Count);
    }

    [Fact]
    public void Owntracks_location_becomes_a_record_and_other_types_give_none()
    {
        var batch = new RecordBatch();
        var location = """{"_type":"location","tid":"a1","lat":21.85,"lon":106.76,"tst":1740787200,"vel":42,"cog":180,"alt":250,"acc":12,"batt":87,"t":"u"}""";
        Assert.Null(OwnTracksPayload.Decode(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(location)), batch));
        var record = batch.ToPositionRecord(0, "phone1");
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1740787200), record.Time);
        Assert.Equal(42, record.SpeedKmh);
        Assert.Equal(180, record.Heading);
        Assert.Contains(new IoValue("batt", 87), record.Io);

        Assert.Null(OwnTracksPayload.Decode(new ReadOnlySequence<byte>("""{"_type":"lwt","tst":1}"""u8.ToArray()), batch));
        Assert.Equal(1, batch.Count);
        Assert.Equal(MqttPayloadReasons.WrongType, OwnTracksPayload.Decode(new ReadOnlySequence<byte>("""{"_type":"location","lat":1,"lon":1,"tst":"x"}"""u8.ToArray()), batch));
        Assert.Equal(MqttPayloadReasons.MissingField, OwnTracksPayload.Decode(new ReadOnlySequence<byte>("""{"_type":"location","lat":1,"tst":1}"""u8.ToArray()), batch));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Teltonika_avl_as_a_whole_tcp_packet_or_a_bare_data_field_decodes(bool wholePacket)
    {
        var source = new RecordBatch();
        ref var r = ref source.Add();
        r.TimeMs = 1_740_787_200_000;
        r.Lat = 21.85;
        r.Lon = 106.76;
        r.SpeedKmh = 40;
        r.Satellites = 8;
        r.Valid = true;
        source.AddIo(TeltonikaIoId.Ignition, 1);
        var writer = new ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteAvlPacket(writer, TeltonikaCodecId.Codec8Extended, source);
        var packet = writer.WrittenSpan.ToArray();
        byte[] payload = wholePacket ? packet : packet[8..^4];
        var batch = new RecordBatch();
        Assert.Null(new TeltonikaPayload().Decode(new ReadOnlySequence<byte>(payload), batch));
        var record = batch.ToPositionRecord(0, "356307042441013");
        Assert.Equal(21.85, record.Lat);
        Assert.True(record.Ignition);

        payload[^1] ^= 0x01;
        Assert.NotNull(new TeltonikaPayload().Decode(new ReadOnlySequence<byte>(payload), new RecordBatch()));
    }

    private static RecordBatch Decode(string json, out string? reason)
    {
        var batch = new RecordBatch();
        reason = JsonPositionPayload.Decode(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), "d1", batch);
        return batch;
    }
}
