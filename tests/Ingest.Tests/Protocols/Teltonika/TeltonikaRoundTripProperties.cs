using FsCheck.Xunit;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>Encode → frame → decode gives back what was encoded, in every codec.</summary>
public sealed class TeltonikaRoundTripProperties
{
    private static readonly TeltonikaCodecId[] RecordCodecs = [TeltonikaCodecId.Codec8, TeltonikaCodecId.Codec8Extended, TeltonikaCodecId.Codec16];

    [Property(Arbitrary = [typeof(TeltonikaArbitraries)], MaxTest = 200)]
    public void Records_encoded_in_codec_8_8E_and_16_decode_to_the_same_values(TeltonikaRecordSample[] samples)
    {
        var batch = new RecordBatch();
        foreach (var s in samples)
        {
            s.AddTo(batch);
        }

        IReadOnlyList<string>? first = null;
        foreach (var codec in RecordCodecs)
        {
            var decoded = TeltonikaTestKit.ReadAndDecode(TeltonikaTestKit.LoggedInSession(), new(TeltonikaTestKit.Encode(codec, batch)));
            Assert.Equal(DecodeResult.Accepted, decoded.Result);
            Assert.Equal(samples.Length.ToString("X8", System.Globalization.CultureInfo.InvariantCulture), decoded.ReplyHex);
            AssertMatches(samples, decoded.Records);
            first ??= decoded.Lines;
            Assert.Equal(first.Select(SortIo), decoded.Lines.Select(SortIo));
        }
    }

    [Property(Arbitrary = [typeof(TeltonikaArbitraries)], MaxTest = 200)]
    public void Codec_8_extended_carries_two_byte_ids_and_variable_length_io(ExtendedPacket packet)
    {
        var batch = new RecordBatch();
        foreach (var s in packet.Records)
        {
            s.AddTo(batch);
        }

        var decoded = TeltonikaTestKit.ReadAndDecode(
            TeltonikaTestKit.LoggedInSession(), new(TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8Extended, batch)));

        Assert.Equal(DecodeResult.Accepted, decoded.Result);
        AssertMatches(packet.Records, decoded.Records);
    }

    [Property(Arbitrary = [typeof(TeltonikaArbitraries)], MaxTest = 100)]
    public void Decoded_records_re_encoded_decode_identically(TeltonikaRecordSample[] samples)
    {
        var batch = new RecordBatch();
        foreach (var s in samples)
        {
            s.AddTo(batch);
        }

        var once = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(TeltonikaCodecId.Codec16, batch));
        var twice = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8, once.Records));

        Assert.Equal(once.Lines.Select(SortIo), twice.Lines.Select(SortIo));
    }

    private static void AssertMatches(TeltonikaRecordSample[] samples, RecordBatch records)
    {
        Assert.Equal(samples.Length, records.Count);
        for (var i = 0; i < samples.Length; i++)
        {
            var s = samples[i];
            ref var r = ref records[i];
            Assert.Equal(s.TimeMs, r.TimeMs);
            Assert.Equal(s.LatE7 / 1e7, r.Lat);
            Assert.Equal(s.LonE7 / 1e7, r.Lon);
            Assert.Equal(s.SpeedKmh, r.SpeedKmh);
            Assert.Equal(s.Heading, r.Heading);
            Assert.Equal(s.AltitudeM, r.AltitudeM);
            Assert.Equal(s.Satellites, r.Satellites);
            Assert.Equal(s.Satellites != 0, r.Valid);
            Assert.Equal(s.Ignition, r.Ignition);
            Assert.Equal(s.OdometerM / 1000.0, r.OdometerKm);
            Assert.Equal(s.DriverId, r.DriverId);
            Assert.Equal(s.Alarms, r.Alarms);

            var io = new List<string>();
            foreach (var e in records.IoOf(r))
            {
                io.Add($"{e.Name ?? e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}="
                    + (e.IsBytes ? Convert.ToHexString(records.BytesOf(e)) : e.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            Assert.Equal(s.ExpectedIo().Order(StringComparer.Ordinal), io.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>IO order follows the value-size groups, which re-encoding may reshuffle: compare IO as a set.</summary>
    private static string SortIo(string line)
    {
        var at = line.IndexOf(" io:", StringComparison.Ordinal);
        var io = line[(at + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        return line[..at] + " io: " + string.Join(' ', io);
    }

    [Fact]
    public void Alarms_without_a_teltonika_form_are_left_out_and_sos_becomes_the_panic_priority()
    {
        var batch = new RecordBatch();
        ref var r = ref batch.Add();
        r.TimeMs = 1_736_929_800_000;
        r.Alarms = DeviceAlarms.Sos | DeviceAlarms.Overspeed | DeviceAlarms.GeofenceEnter;

        var decoded = TeltonikaTestKit.Decode(TeltonikaTestKit.Session(), TeltonikaTestKit.Encode(TeltonikaCodecId.Codec8, batch));

        Assert.Equal(DeviceAlarms.Sos, decoded.Records[0].Alarms);
    }
}
