using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>Byte-exact frames written from the protocol description (the codec examples of Teltonika's documentation and our own).</summary>
public sealed class TeltonikaSpecFrameTests
{
    [Fact]
    public void Imei_login_is_accepted_with_a_single_01_byte()
    {
        var session = TeltonikaTestKit.Session(requireLogin: true);
        var decoded = TeltonikaTestKit.ReadAndDecode(session, new(Convert.FromHexString("000F333536333037303432343431303133")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("01", decoded.ReplyHex);
        Assert.Equal("356307042441013", session.DeviceId);
        Assert.Equal(0, decoded.Records.Count);
    }

    [Fact]
    public void Keep_alive_byte_is_accepted_without_reply()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(Convert.FromHexString("FF")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(string.Empty, decoded.ReplyHex);
        Assert.Equal(0, decoded.Records.Count);
    }

    [Fact]
    public void Codec8_documentation_example_decodes_its_io_and_is_acked_with_one()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(Convert.FromHexString(
            "000000000000003608010000016B40D8EA30010000000000000000000000000000000105021503010101425E0F01F10000601A014E0000000000000000010000C7CF")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("00000001", decoded.ReplyHex);
        Assert.Equal(
            ["1560161086000 0,0 0km/h 0° 0m sats=0 valid=False ign= odo= driver= alarms=None io: event=1 21=3 1=1 66=24079 241=24602 78=0"],
            decoded.Lines);
    }

    [Fact]
    public void Codec8_extended_documentation_example_decodes_two_byte_ids_and_the_odometer()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(Convert.FromHexString(
            "000000000000004A8E010000016B412CEE000100000000000000000000000000000000010005000100010100010011001D00010010015E2C880002000B000000003544C87A000E000000001DD7E06A00000100002994")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("00000001", decoded.ReplyHex);
        Assert.Equal(
            ["1560166592000 0,0 0km/h 0° 0m sats=0 valid=False ign= odo=22949 driver= alarms=None io: event=1 1=1 17=29 16=22949000 11=893700218 14=500686954"],
            decoded.Lines);
    }

    [Fact]
    public void Codec16_documentation_example_decodes_two_records_past_their_generation_type()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(Convert.FromHexString(
            "000000000000005F10020000016BDBC7833000000000000000000000000000000000000B05040200010000030002000B00270042563A00000000016BDBC7871800000000000000000000000000000000000B05040200010000030002000B00260042563A00000200005FB3")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("00000002", decoded.ReplyHex);
        Assert.Equal(
            [
                "1562760414000 0,0 0km/h 0° 0m sats=0 valid=False ign= odo= driver= alarms=None io: event=11 1=0 3=0 11=39 66=22074",
                "1562760415000 0,0 0km/h 0° 0m sats=0 valid=False ign= odo= driver= alarms=None io: event=11 1=0 3=0 11=38 66=22074",
            ],
            decoded.Lines);
    }

    [Fact]
    public void Panic_record_with_crash_and_harsh_braking_sets_alarms_ignition_odometer_and_driver()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(Convert.FromHexString(
            "000000000000003A08010000019469156F40023FA283D60D069C780113005A0B0048F70704EF01F001F701FD0201423A9801100012D687014E000000A1B2C3D4E5010000E309")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("00000001", decoded.ReplyHex);
        var r = decoded.Records[0];
        Assert.Equal(new DateTime(2025, 1, 15, 8, 30, 0, DateTimeKind.Utc), DateTime.UnixEpoch.AddMilliseconds(r.TimeMs));
        Assert.Equal(21.853708, r.Lat, 1e-9);
        Assert.Equal(106.761519, r.Lon, 1e-9);
        Assert.Equal(275, r.AltitudeM);
        Assert.Equal(90, r.Heading);
        Assert.Equal(11, r.Satellites);
        Assert.True(r.Valid);
        Assert.Equal(72, r.SpeedKmh);
        Assert.Equal(DeviceAlarms.Sos | DeviceAlarms.Collision | DeviceAlarms.HarshBraking, r.Alarms);
        Assert.True(r.Ignition);
        Assert.Equal(1234.567, r.OdometerKm);
        Assert.Equal("000000A1B2C3D4E5", r.DriverId);
        Assert.EndsWith("io: event=247 239=1 240=1 247=1 253=2 66=15000 16=1234567 78=694488913125", decoded.Lines[0]);
    }

    [Fact]
    public void Southern_western_coordinates_and_negative_altitude_decode_signed_and_zero_satellites_is_invalid()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(Convert.FromHexString(
            "000000000000002108010000018DF74F83FF00E624FB40F2784140FFF40167000000000000000000010000AF0B")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("00000001", decoded.ReplyHex);
        Assert.Equal(["1709251199999 -22.7,-43.3784 0km/h 359° -12m sats=0 valid=False ign= odo= driver= alarms=None io:"], decoded.Lines);
    }

    [Fact]
    public void Codec12_command_response_is_accepted_without_records_or_ack()
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteCommandResponse(writer, "RTC:2025/1/15 8:30 Init:2025/1/15 8:00"u8);

        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(writer.WrittenMemory));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(0, decoded.Records.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    [Fact]
    public void Codec13_message_is_accepted_without_records_or_ack()
    {
        // Codec 13, one message, type 0x06, size 8 (4-byte timestamp + "OK\r\n"), count 1.
        var packet = TeltonikaTestKit.Packet("0D010600000008" + "6787714F" + "4F4B0D0A" + "01");

        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(packet));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal(0, decoded.Records.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }

    [Fact]
    public void Packet_with_no_records_is_acked_with_zero()
    {
        var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(TeltonikaTestKit.Packet("080000")));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        Assert.Equal("00000000", decoded.ReplyHex);
    }

    [Fact]
    public void Repeated_driver_id_is_the_same_string_instance()
    {
        var records = new RecordBatch();
        for (var i = 0; i < 2; i++)
        {
            ref var r = ref records.Add();
            r.TimeMs = 1_736_929_800_000 + i;
            r.DriverId = "0123456789ABCDEF";
        }

        var decoded = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8, records));

        Assert.Equal("0123456789ABCDEF", decoded.Records[0].DriverId);
        Assert.Same(decoded.Records[0].DriverId, decoded.Records[1].DriverId);
    }
}
