using System.Diagnostics;
using System.Text.Json;
using Telematics.Ingest.Commands;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Commands;

public sealed class DecodeCommandTests
{
    [Theory]
    [InlineData("teltonika")]
    [InlineData("gt06")]
    [InlineData("jt808")]
    public void Prints_one_json_line_per_vector_with_the_records_or_the_checksum_error(string protocol)
    {
        foreach (var vector in ProtocolVectors.Load(protocol))
        {
            var decoder = new DecodeCommand.LineDecoder(ProtocolCatalog.Find(protocol)!);
            using var json = JsonDocument.Parse(decoder.DecodeLine(vector.Hex));
            var root = json.RootElement;
            if (vector.IsChecksumError)
            {
                Assert.Contains("mismatch", root.GetProperty("error").GetString(), StringComparison.Ordinal);
                continue;
            }

            var records = root.GetProperty("records").EnumerateArray().ToList();
            Assert.Equal(vector.Records.Count, records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var expected = vector.Records[i];
                Assert.Equal(expected.Time, records[i].GetProperty("time").GetDateTime().ToUniversalTime());
                Assert.Equal(expected.Lat, records[i].GetProperty("lat").GetDouble(), 0.00001);
                Assert.Equal(expected.Lon, records[i].GetProperty("lon").GetDouble(), 0.00001);
                Assert.Equal(expected.Valid, records[i].GetProperty("valid").GetBoolean());
                Assert.True(records[i].GetProperty("time").GetString()!.EndsWith('Z'));
            }

            Assert.Equal(JsonValueKind.String, root.GetProperty("ack").ValueKind);
        }
    }

    [Fact]
    public void A_teltonika_login_line_gives_the_following_packets_their_imei()
    {
        var decoder = new DecodeCommand.LineDecoder(ProtocolCatalog.Find("teltonika")!);
        var packet = ProtocolVectors.Load("teltonika").First(v => !v.IsChecksumError);

        Assert.Equal("""{"records":[],"ack":"01"}""", decoder.DecodeLine("000F333536333037303432343431303133"));
        using var json = JsonDocument.Parse(decoder.DecodeLine(packet.Hex));
        var first = json.RootElement.GetProperty("records")[0];
        Assert.Equal("356307042441013", first.GetProperty("deviceId").GetString());
        Assert.Equal(packet.Records.Count.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("ack").GetString());
    }

    [Fact]
    public void A_teltonika_packet_without_its_login_has_a_null_device_id()
    {
        var decoder = new DecodeCommand.LineDecoder(ProtocolCatalog.Find("teltonika")!);
        var packet = ProtocolVectors.Load("teltonika").First(v => !v.IsChecksumError);

        using var json = JsonDocument.Parse(decoder.DecodeLine(packet.Hex));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("records")[0].GetProperty("deviceId").ValueKind);
    }

    [Theory]
    [InlineData("zz", "not hex: a line must be an even number of hex digits")]
    [InlineData("78780d0101", "incomplete frame: 5 bytes do not make a whole frame")]
    public void Bad_lines_get_an_error_line_and_never_an_exception(string line, string error)
    {
        var decoder = new DecodeCommand.LineDecoder(ProtocolCatalog.Find("gt06")!);

        Assert.Equal($$"""{"error":"{{error}}"}""", decoder.DecodeLine(line));
    }

    [Fact]
    public void A_huge_teltonika_length_is_an_error_line()
    {
        var decoder = new DecodeCommand.LineDecoder(ProtocolCatalog.Find("teltonika")!);

        using var json = JsonDocument.Parse(decoder.DecodeLine("000000007fffffff08"));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_executable_decodes_stdin_line_by_line()
    {
        var vectors = ProtocolVectors.Load("jt808").Take(3).ToList();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "telematics-ingest.dll"), "decode", "--protocol", "jt808"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        foreach (var v in vectors)
        {
            await process.StandardInput.WriteLineAsync(v.Hex);
        }

        await process.StandardInput.WriteLineAsync("not-hex");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Take(3), l => Assert.StartsWith("""{"records":[""", l, StringComparison.Ordinal));
        Assert.StartsWith("""{"error":""", lines[3], StringComparison.Ordinal);
    }
}
