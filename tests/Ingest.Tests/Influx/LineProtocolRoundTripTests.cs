using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Influx.LineProtocol;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>What the serializer writes, the real InfluxDB stores exactly: names, text and numbers read back unchanged.</summary>
public sealed class LineProtocolRoundTripTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private async Task<string> WriteAsync(Action<LineBuffer> render)
    {
        var database = InfluxFixture.NewDatabase();
        var options = InfluxTestOptions.For(influx.Server.Url, database, Path.GetTempPath());
        options.RetentionPolicy = string.Empty;
        using var client = new InfluxHttpClient(options);
        await client.EnsureDatabaseAsync(CancellationToken.None);
        using var buffer = new LineBuffer();
        render(buffer);
        var outcome = await client.WriteAsync(buffer.WrittenMemory, CancellationToken.None);
        Assert.Equal(WriteStatus.Written, outcome.Status);
        return database;
    }

    [Theory]
    [InlineData("Lạng Sơn")]
    [InlineData("a b,c=d")]
    [InlineData("in\\side")]
    [InlineData("say \"hi\"")]
    [InlineData("Hoàng Long, Cao Lộc")]
    public async Task Tag_values_read_back_exactly(string value)
    {
        var database = await WriteAsync(b =>
        {
            var line = new LineWriter(b, "m");
            line.Tag("odd key, =", value);
            line.Field("f", 1L);
            line.End(1000);
        });

        var rows = await influx.Server.RowsAsync("SHOW TAG VALUES FROM \"m\" WITH KEY = \"odd key, =\"", database);
        Assert.Equal(value, Assert.Single(rows)["value"].GetString());
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("say \"hi\" \\ back\\slash")]
    [InlineData("ends with backslash\\")]
    [InlineData("Lạng Sơn → Hữu Nghị, km 12 = gate")]
    [InlineData("")]
    public async Task String_fields_read_back_exactly(string value)
    {
        var database = await WriteAsync(b =>
        {
            var line = new LineWriter(b, "m x,y");
            line.Field("odd field, =", value);
            line.End(1000);
        });

        var rows = await influx.Server.RowsAsync("SELECT \"odd field, =\" FROM \"m x,y\"", database);
        Assert.Equal(value, Assert.Single(rows)["odd field, ="].GetString());
    }

    [Fact]
    public async Task Numbers_booleans_and_times_read_back_exactly()
    {
        double[] floats = [0, 21.0285, -105.25, 0.1 + 0.2, 1e-5, 1e20, double.MaxValue, double.Epsilon, 106.76123456789011, -0.000123];
        var database = await WriteAsync(b =>
        {
            for (var i = 0; i < floats.Length; i++)
            {
                var line = new LineWriter(b, "n");
                line.Field("f", floats[i]);
                line.Field("i", i == 0 ? long.MinValue : i == 1 ? long.MaxValue : -i);
                line.Field("b", i % 2 == 0);
                line.End(1732800000000 + i);
            }
        });

        var rows = await influx.Server.RowsAsync("SELECT \"f\", \"i\", \"b\" FROM \"n\"", database);
        Assert.Equal(floats.Length, rows.Count);
        for (var i = 0; i < floats.Length; i++)
        {
            Assert.Equal(1732800000000 + i, rows[i]["time"].GetInt64());
            Assert.Equal(floats[i], rows[i]["f"].GetDouble());
            Assert.Equal(i == 0 ? long.MinValue : i == 1 ? long.MaxValue : -i, rows[i]["i"].GetInt64());
            Assert.Equal(i % 2 == 0, rows[i]["b"].GetBoolean());
        }
    }
}
