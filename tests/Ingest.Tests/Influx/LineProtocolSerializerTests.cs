using System.Text;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Influx.Schema;
using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>Line protocol byte for byte: every escaping rule and every value type.</summary>
public sealed class LineProtocolSerializerTests
{
    private static string Render(Action<LineBuffer> write)
    {
        using var buffer = new LineBuffer();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string One(string measurement, string? tagKey, string? tagValue, string fieldKey, string fieldValue) => Render(b =>
    {
        var line = new LineWriter(b, measurement);
        if (tagKey is not null)
        {
            line.Tag(tagKey, tagValue);
        }

        line.Field(fieldKey, fieldValue);
        line.End(1);
    });

    [Theory]
    [InlineData("cpu load", "cpu\\ load")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a=b", "a=b")]
    [InlineData("Lạng Sơn", "Lạng\\ Sơn")]
    [InlineData("in\\side", "in\\side")]
    public void Measurement_escapes_commas_and_spaces_only(string measurement, string expected) =>
        Assert.Equal($"{expected} f=\"x\" 1\n", One(measurement, null, null, "f", "x"));

    [Theory]
    [InlineData("k", "a b", "k=a\\ b")]
    [InlineData("k", "a,b", "k=a\\,b")]
    [InlineData("k", "a=b", "k=a\\=b")]
    [InlineData("k y", "v", "k\\ y=v")]
    [InlineData("k,y", "v", "k\\,y=v")]
    [InlineData("k=y", "v", "k\\=y=v")]
    [InlineData("operator", "Hoàng Long, Lạng Sơn", "operator=Hoàng\\ Long\\,\\ Lạng\\ Sơn")]
    [InlineData("k", "say \"hi\"", "k=say\\ \"hi\"")]
    [InlineData("k", "C:\\dir", "k=C:\\dir")]
    public void Tag_keys_and_values_escape_commas_equals_and_spaces(string key, string value, string expected) =>
        Assert.Equal($"m,{expected} f=\"x\" 1\n", One("m", key, value, "f", "x"));

    [Theory]
    [InlineData("k", "end\\", "k=end/")]
    [InlineData("k", "a\\,b", "k=a/\\,b")]
    [InlineData("k", "a\\ b", "k=a/\\ b")]
    [InlineData("k", "line\nbreak", "k=line\\ break")]
    [InlineData("k", "cr\r\nlf", "k=cr\\ \\ lf")]
    public void What_line_protocol_cannot_carry_in_a_name_is_replaced(string key, string value, string expected) =>
        Assert.Equal($"m,{expected} f=\"x\" 1\n", One("m", key, value, "f", "x"));

    [Theory]
    [InlineData("max speed", "max\\ speed")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a=b", "a\\=b")]
    public void Field_keys_escape_commas_equals_and_spaces(string key, string expected) =>
        Assert.Equal($"m {expected}=\"x\" 1\n", One("m", null, null, key, "x"));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("ends\\", "\"ends\\\\\"")]
    [InlineData("a, b = c", "\"a, b = c\"")]
    [InlineData("Lạng Sơn → Hữu Nghị", "\"Lạng Sơn → Hữu Nghị\"")]
    [InlineData("two\nlines", "\"two lines\"")]
    [InlineData("", "\"\"")]
    public void String_field_values_escape_quotes_and_backslashes(string value, string expected) =>
        Assert.Equal($"m f={expected} 1\n", One("m", null, null, "f", value));

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(21.0285, "21.0285")]
    [InlineData(-105.25, "-105.25")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(1e20, "1E+20")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(-0d, "-0")]
    [InlineData(106.76123456789011, "106.76123456789011")]
    public void Floats_are_shortest_round_trip_invariant_text(double value, string expected)
    {
        var text = Render(b =>
        {
            var line = new LineWriter(b, "m");
            line.Field("f", value);
            line.End(1);
        });
        Assert.Equal($"m f={expected} 1\n", text);
    }

    [Fact]
    public void The_fast_float_path_prints_what_round_trip_formatting_prints()
    {
        var random = new Random(42);
        for (var i = 0; i < 200_000; i++)
        {
            double value = (i % 4) switch
            {
                0 => Math.Round((random.NextDouble() * 180) - 90, random.Next(0, 10)),
                1 => Math.Round(random.NextDouble() * 250, random.Next(0, 4)),
                2 => Math.Round(random.NextDouble() * 999_999, random.Next(0, 3)),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 8)),
            };
            var text = Render(b =>
            {
                var line = new LineWriter(b, "m");
                line.Field("f", value);
                line.End(1);
            });
            var expected = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"m f={expected} 1\n", text);
        }
    }

    [Fact]
    public void Non_finite_floats_are_left_out_and_a_line_without_fields_is_rolled_back()
    {
        var text = Render(b =>
        {
            var first = new LineWriter(b, "m");
            first.Field("nan", double.NaN);
            first.Field("ok", 1.5);
            first.Field("inf", double.PositiveInfinity);
            Assert.True(first.End(1));
            var second = new LineWriter(b, "m");
            second.Tag("k", "v");
            second.Field("nan", double.NaN);
            Assert.False(second.End(2));
        });
        Assert.Equal("m ok=1.5 1\n", text);
    }

    [Fact]
    public void Integers_booleans_and_timestamps_have_their_own_syntax()
    {
        using var buffer = new LineBuffer();
        var line = new LineWriter(buffer, "m");
        line.Tag("empty", "");
        line.Tag("none", null);
        line.Field("i", 42L);
        line.Field("neg", long.MinValue);
        line.Field("t", true);
        line.Field("f", false);
        line.Field("s", (string?)null);
        line.End(1732800000123);
        Assert.Equal("m i=42i,neg=-9223372036854775808i,t=true,f=false 1732800000123\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(1, buffer.Lines);
    }

    [Fact]
    public void Tags_after_fields_are_refused()
    {
        using var buffer = new LineBuffer();
        Assert.Throws<InvalidOperationException>(() =>
        {
            var line = new LineWriter(buffer, "m");
            line.Field("f", 1L);
            line.Tag("k", "v");
        });
    }

    [Fact]
    public void A_position_becomes_one_line_with_sorted_tags_and_typed_fields()
    {
        var record = new PositionRecord
        {
            DeviceId = "356307042441013",
            Time = new DateTime(2026, 11, 28, 10, 0, 0, 123, DateTimeKind.Utc),
            Lat = 21.853708,
            Lon = 106.761519,
            SpeedKmh = 62.5,
            Heading = 180,
            AltitudeM = 260,
            Satellites = 9,
            Valid = true,
            Ignition = true,
            OdometerKm = 12034.5,
            DriverId = "NV \"Tâm\"",
            Alarms = DeviceAlarms.Sos | DeviceAlarms.Overspeed,
        };
        var vehicle = new DeviceEntry { DeviceId = record.DeviceId, Plate = "12C-345.67", VehicleClass = VehicleClass.TractorSemitrailer, Operator = "Hoàng Long" };
        using var buffer = new LineBuffer();

        Assert.True(PositionLine.Write(buffer, record, vehicle, late: false));

        Assert.Equal(
            "position,class=tractor-semitrailer,device=356307042441013,operator=Hoàng\\ Long,vehicle=12C-345.67 "
            + "lat=21.853708,lon=106.761519,speed=62.5,heading=180i,altitude=260i,satellites=9i,valid=true,ignition=true,"
            + "odometer=12034.5,driver=\"NV \\\"Tâm\\\"\",alarms=3i,late=false,archived=false 1795860000123\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_position_of_an_unknown_device_has_only_the_device_tag_and_no_optional_fields()
    {
        var record = new PositionRecord { DeviceId = "013912345678", Time = DateTime.UnixEpoch.AddMilliseconds(5), Lat = 1, Lon = 2 };
        using var buffer = new LineBuffer();

        PositionLine.Write(buffer, record, vehicle: null, late: true);

        Assert.Equal(
            "position,device=013912345678 lat=1,lon=2,speed=0,heading=0i,altitude=0i,satellites=0i,valid=false,alarms=0i,late=true,archived=false 5\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Violation_and_device_event_points_follow_the_schema()
    {
        using var buffer = new LineBuffer();
        EventLines.Write(buffer, new ViolationPoint(DateTime.UnixEpoch.AddMilliseconds(7), "speeding", "12C-345.67", "Hoàng Long", "QL1 Lạng Sơn → Hữu Nghị", "C-2026-000123",
            [new("max_speed", 92.5), new("limit", 60), new("duration_s", 41)], "356307042441013"));
        EventLines.Write(buffer, new DeviceEventPoint(DateTime.UnixEpoch.AddMilliseconds(8), DeviceEventKind.BadFrame, "gt06", "868120145233604", "crc mismatch", "10.0.0.5:40000"));

        Assert.Equal(
            "violation,corridor=QL1\\ Lạng\\ Sơn\\ →\\ Hữu\\ Nghị,kind=speeding,operator=Hoàng\\ Long,vehicle=12C-345.67 case_id=\"C-2026-000123\",device=\"356307042441013\",max_speed=92.5,limit=60,duration_s=41 7\n"
            + "device,device=868120145233604,event=bad-frame,protocol=gt06 count=1i,reason=\"crc mismatch\",remote=\"10.0.0.5:40000\" 8\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(2, buffer.Lines);
    }

    [Fact]
    public void The_buffer_grows_past_its_first_array_and_keeps_every_line()
    {
        using var buffer = new LineBuffer(256);
        for (var i = 0; i < 1000; i++)
        {
            var line = new LineWriter(buffer, "m");
            line.Tag("vehicle", "V" + i);
            line.Field("n", (long)i);
            line.End(i);
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal(1000, buffer.Lines);
        Assert.Equal(1000, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("m,vehicle=V999 n=999i 999\n", text, StringComparison.Ordinal);
    }
}
