using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>The device-side encoder and reply reader that simulators build on.</summary>
public sealed class TeltonikaEncoderTests
{
    private static RecordBatch PanicRecord()
    {
        var batch = new RecordBatch();
        ref var r = ref batch.Add();
        r.TimeMs = 1_736_929_800_000;
        r.Lat = 21.853708;
        r.Lon = 106.761519;
        r.AltitudeM = 275;
        r.Heading = 90;
        r.Satellites = 11;
        r.SpeedKmh = 72;
        r.Alarms = DeviceAlarms.Sos | DeviceAlarms.Collision | DeviceAlarms.HarshBraking;
        r.Ignition = true;
        r.OdometerKm = 1234.567;
        r.DriverId = "000000A1B2C3D4E5";
        batch.AddIo(TeltonikaIoId.EventIoName, TeltonikaIoId.CrashDetection);
        batch.AddIo(TeltonikaIoId.Movement, 1);
        batch.AddIo(TeltonikaIoId.ExternalVoltage, 15000);
        return batch;
    }

    [Fact]
    public void Login_is_length_then_ascii_digits()
    {
        Assert.Equal("000F333536333037303432343431303133", Convert.ToHexString(TeltonikaTestKit.LoginBytes("356307042441013")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("35630704244101A")]
    [InlineData("123456789012345678901")]
    public void Login_refuses_what_is_not_an_imei(string imei)
    {
        Assert.Throws<ArgumentException>(() => TeltonikaTestKit.LoginBytes(imei));
    }

    [Fact]
    public void Keep_alive_is_one_ff_byte()
    {
        var writer = new ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteKeepAlive(writer);

        Assert.Equal("FF", Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void Codec8_packet_is_byte_exact_with_normalised_fields_written_as_their_io()
    {
        // Same fields as the hand-written panic frame of TeltonikaSpecFrameTests, IO in encoder order.
        Assert.Equal(
            "000000000000003A08010000019469156F40023FA283D60D069C780113005A0B0048F70704F001EF01F701FD0201423A9801100012D687014E000000A1B2C3D4E5010000"
                + Convert.ToHexString(BitConverter.GetBytes(TeltonikaCrc.Compute(Convert.FromHexString(
                    "08010000019469156F40023FA283D60D069C780113005A0B0048F70704F001EF01F701FD0201423A9801100012D687014E000000A1B2C3D4E501"))).Reverse().ToArray()),
            Convert.ToHexString(TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8, PanicRecord())));
    }

    [Theory]
    [InlineData(TeltonikaCodecId.Codec8)]
    [InlineData(TeltonikaCodecId.Codec8Extended)]
    [InlineData(TeltonikaCodecId.Codec16)]
    public void Encoded_panic_record_decodes_to_its_fields(TeltonikaCodecId codec)
    {
        var decoded = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(codec, PanicRecord()));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(
            "1736929800000 21.853708,106.761519 72km/h 90° 275m sats=11 valid=True ign=True odo=1234.567 driver=000000A1B2C3D4E5 alarms=Sos, Collision, HarshBraking io:",
            decoded.Lines[0][..decoded.Lines[0].IndexOf(" io:", StringComparison.Ordinal)] + " io:");
    }

    [Fact]
    public void A_subset_of_a_batch_can_be_written_as_one_packet()
    {
        var batch = new RecordBatch();
        for (var i = 0; i < 5; i++)
        {
            batch.Add().TimeMs = 1_000 + i;
        }

        var writer = new ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteAvlPacket(writer, TeltonikaCodecId.Codec8, batch, 1, 3);
        var decoded = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), writer.WrittenSpan.ToArray());

        Assert.Equal(3, decoded.Records.Count);
        Assert.Equal(1_001, decoded.Records[0].TimeMs);
        Assert.Equal("00000003", decoded.ReplyHex);
    }

    [Fact]
    public void What_a_codec_cannot_carry_is_refused()
    {
        var wideId = new RecordBatch();
        wideId.Add();
        wideId.AddIo(300, 1);
        var bytes = new RecordBatch();
        bytes.Add();
        bytes.AddIoBytes(256, "WVWZZZ1KZAW000001"u8);
        var many = new RecordBatch();
        for (var i = 0; i < 256; i++)
        {
            many.Add();
        }

        Assert.Throws<ArgumentException>(() => TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8, wideId));
        Assert.Throws<ArgumentException>(() => TeltonikaTestKit.Encode(TeltonikaCodecId.Codec16, bytes));
        Assert.Throws<ArgumentOutOfRangeException>(() => TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8Extended, many));
        Assert.Throws<ArgumentException>(() => TeltonikaTestKit.Encode(TeltonikaCodecId.Codec12, new RecordBatch()));
        Assert.Equal(DecodeStatus.Accepted, TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(TeltonikaCodecId.Codec16, wideId)).Result.Status);
        Assert.Equal(DecodeStatus.Accepted, TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8Extended, bytes)).Result.Status);
    }

    [Fact]
    public void Reply_reader_reads_the_login_reply_and_acks_as_they_arrive()
    {
        byte[] replies = [0x01, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00];
        var buffer = new ReadOnlySequence<byte>(replies, 0, 0);
        Assert.False(TeltonikaReplyReader.TryReadLoginReply(ref buffer, out _));

        buffer = Segments.OneBytePerSegment(replies);
        Assert.True(TeltonikaReplyReader.TryReadLoginReply(ref buffer, out var accepted));
        Assert.True(accepted);
        Assert.True(TeltonikaReplyReader.TryReadAck(ref buffer, out var count));
        Assert.Equal(10, count);
        Assert.False(TeltonikaReplyReader.TryReadAck(ref buffer, out _));
        Assert.Equal(2, buffer.Length);
    }

    [Fact]
    public void Reply_reader_sees_a_refused_login()
    {
        var buffer = new ReadOnlySequence<byte>([TeltonikaSession.LoginRefused]);

        Assert.True(TeltonikaReplyReader.TryReadLoginReply(ref buffer, out var accepted));
        Assert.False(accepted);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Sixteen_byte_io_group_is_recognised_and_remembered_for_the_session()
    {
        var session = TeltonikaTestKit.Session();
        var extended = ProtocolVectors.At("teltonika", 16).Bytes;

        var first = TeltonikaTestKit.Decode(session, extended);
        var again = TeltonikaTestKit.Decode(session, extended);
        var standard = TeltonikaTestKit.Decode(session, ProtocolVectors.At("teltonika", 8).Bytes);

        Assert.Equal(DecodeResult.Accepted, first.Result);
        Assert.Contains(" 203=00000000000000000000000000000000", first.Lines[0], StringComparison.Ordinal);
        Assert.Equal(first.Lines, again.Lines);
        Assert.Equal(DecodeResult.Accepted, standard.Result);
    }
}
