using System.Buffers;
using FsCheck.Xunit;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;
using Telematics.Ingest.Tests.Support;
using static Telematics.Ingest.Tests.Protocols.Jt808.Jt808Harness;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>Encoder → session round trips, property-based, both header versions.</summary>
public sealed class Jt808RoundTripProperties
{
    [Property(Arbitrary = [typeof(Jt808Generators)], MaxTest = 300)]
    public void Location_report_round_trips_through_the_session(Jt808Sample sample)
    {
        var output = new ArrayBufferWriter<byte>();
        Jt808Encoder.WriteLocation(output, sample.Header, sample.Record, utcOffset: sample.UtcOffset);
        var bytes = output.WrittenSpan.ToArray();

        var outcome = DecodeAll(NewSession(gate: new Jt808TestGate(utcOffset: sample.UtcOffset)), bytes);

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        AssertSameRecord(sample.Record, outcome.Records[0]);
        AssertAck(outcome.Reply, sample.Header, Jt808MessageId.LocationReport);

        // The same frame one byte per segment: same record.
        var split = DecodeAll(NewSession(gate: new Jt808TestGate(utcOffset: sample.UtcOffset)), Segments.OneBytePerSegment(bytes));
        AssertSameRecord(sample.Record, split.Records[0]);
    }

    [Property(Arbitrary = [typeof(Jt808Generators)], MaxTest = 100)]
    public void Location_batch_round_trips_through_the_session(Jt808Sample[] samples, bool blindArea)
    {
        var header = samples[0].Header;
        var records = samples.Select(s => s.Record).ToArray();
        var output = new ArrayBufferWriter<byte>();
        Jt808Encoder.WriteLocationBatch(output, header, records, blindArea, TimeSpan.FromHours(8));

        var outcome = DecodeAll(NewSession(), output.WrittenSpan.ToArray());

        Assert.Equal(DecodeStatus.Accepted, outcome.Single.Status);
        Assert.Equal(records.Length, outcome.Records.Count);
        for (var i = 0; i < records.Length; i++)
        {
            AssertSameRecord(records[i], outcome.Records[i]);
            Assert.Equal(blindArea, outcome.Records[i].Archived);
        }

        AssertAck(outcome.Reply, header, Jt808MessageId.LocationBatch);
    }

    [Property(Arbitrary = [typeof(Jt808Generators)], MaxTest = 100)]
    public void Registration_authentication_and_heartbeat_round_trip_with_checked_acks(Jt808Sample sample)
    {
        var header = sample.Header;
        var session = NewSession();
        var device = new ArrayBufferWriter<byte>();

        Jt808Encoder.WriteRegistration(device, header, new Jt808Registration { Plate = "29C-123.45" });
        var registration = ParseReply(DecodeAll(session, device.WrittenSpan.ToArray()).Reply);
        Assert.Equal(Jt808RegistrationResult.Ok, registration.RegistrationResult);
        Assert.Equal(header.Serial, registration.ReplySerial);
        Assert.Equal(session.DeviceId, registration.AuthCode);

        device.Clear();
        header = header.Next();
        Jt808Encoder.WriteAuthentication(device, header, registration.AuthCode!, "860000000000001", "1.2.3");
        Jt808Encoder.WriteHeartbeat(device, header.Next());
        var replies = Replies(DecodeAll(session, device.WrittenSpan.ToArray()).Reply);

        Assert.Equal([Jt808MessageId.Authentication, Jt808MessageId.Heartbeat], replies.Select(r => r.ReplyMessageId));
        Assert.All(replies, r => Assert.Equal(Jt808Result.Ok, r.GeneralResult));
        Assert.Equal([1, 2], replies.Select(r => (int)r.Serial));
        Assert.All(replies, r => Assert.Equal(header.Version, r.Version));
    }

    [Fact]
    public void Record_whose_fields_hold_flag_and_escape_bytes_round_trips()
    {
        var record = new DecodedRecord
        {
            TimeMs = new DateTimeOffset(2031, 12, 7, 7, 7, 7, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            Lat = 0x007E7D7E / 1_000_000.0,
            Lon = 0x0A7E7D7E / 1_000_000.0,
            SpeedKmh = 0x7E7D / 10.0,
            Heading = 0x7E,
            AltitudeM = 0x7D7E,
            Satellites = 0x7E,
            Valid = true,
            OdometerKm = 0x7E7E7D7D / 10.0,
        };
        var output = new ArrayBufferWriter<byte>();
        Jt808Encoder.WriteLocation(output, new Jt808FrameHeader("7777", 0x7D7E, Jt808Version.V2019, 0x7E), record);
        var bytes = output.WrittenSpan.ToArray();

        Assert.True(bytes.AsSpan(1, bytes.Length - 2).IndexOf((byte)0x7E) < 0);
        Assert.True(bytes.AsSpan().Count((byte)0x7D) >= 8);
        var outcome = DecodeAll(NewSession(), bytes);
        AssertSameRecord(record, outcome.Records[0]);
    }

    private static void AssertSameRecord(in DecodedRecord expected, in DecodedRecord actual)
    {
        Assert.Equal(expected.TimeMs, actual.TimeMs);
        Assert.Equal(expected.Lat, actual.Lat);
        Assert.Equal(expected.Lon, actual.Lon);
        Assert.Equal(expected.SpeedKmh, actual.SpeedKmh);
        Assert.Equal(expected.Heading, actual.Heading);
        Assert.Equal(expected.AltitudeM, actual.AltitudeM);
        Assert.Equal(expected.Satellites, actual.Satellites);
        Assert.Equal(expected.Valid, actual.Valid);
        Assert.Equal(expected.Ignition ?? false, actual.Ignition);
        Assert.Equal(expected.OdometerKm, actual.OdometerKm);
        Assert.Equal(expected.Alarms, actual.Alarms);
    }

    private static void AssertAck(byte[] reply, Jt808FrameHeader header, ushort messageId)
    {
        var ack = ParseReply(reply);
        Assert.Equal(Jt808Result.Ok, ack.GeneralResult);
        Assert.Equal(header.Serial, ack.ReplySerial);
        Assert.Equal(messageId, ack.ReplyMessageId);
        Assert.Equal(header.Version, ack.Version);
        Assert.Equal(header.TerminalNumber.PadLeft(ack.TerminalNumber.Length, '0'), ack.TerminalNumber);
    }
}
