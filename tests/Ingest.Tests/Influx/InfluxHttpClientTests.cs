using System.Net;
using Telematics.Ingest.Influx;
using Telematics.Ingest.Influx.Http;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>The HTTP side: endpoints, credentials, gzip, retries of 5xx and 429.</summary>
public sealed class InfluxHttpClientTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task Gzip_bodies_are_stored_like_plain_ones()
    {
        var database = InfluxFixture.NewDatabase();
        var options = InfluxTestOptions.For(influx.Server.Url, database, InfluxTestOptions.TempDirectory());
        options.Gzip = true;
        var handler = new ScriptedInfluxHandler(new Queue<HttpStatusCode>());
        await using var harness = await InfluxWriterHarness.StartAsync(options, handler);

        harness.WritePositions(0, 1_500);
        await Eventually.True(() => harness.Metrics.PointsWritten == 1_500, "1500 points written", TimeSpan.FromSeconds(20));

        Assert.Equal(1_500, await influx.Server.CountAsync(database));
        Assert.All(handler.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/write", StringComparison.Ordinal)), r => Assert.Equal("gzip", r.ContentEncoding));
    }

    [Fact]
    public async Task Writes_answered_503_or_429_are_retried_and_then_stored_without_spooling()
    {
        var database = InfluxFixture.NewDatabase();
        var options = InfluxTestOptions.For(influx.Server.Url, database, InfluxTestOptions.TempDirectory());
        options.MaxAttempts = 4;
        var handler = new ScriptedInfluxHandler(new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests]));
        await using var harness = await InfluxWriterHarness.StartAsync(options, handler);

        harness.WritePositions(0, 500);
        await Eventually.True(() => harness.Metrics.PointsWritten == 500, "500 points written", TimeSpan.FromSeconds(20));

        Assert.Equal(2, harness.Metrics.Retries);
        Assert.Equal(0, harness.Metrics.SpooledBatches);
        Assert.Equal(500, await influx.Server.CountAsync(database));
    }

    [Fact]
    public async Task Write_requests_carry_the_v1_target_and_basic_credentials_in_a_header_only()
    {
        var options = InfluxTestOptions.For(influx.Server.Url, "fleet db", InfluxTestOptions.TempDirectory());
        options.Username = "ingest";
        options.Password = "s3cret:pw";
        var handler = new ScriptedInfluxHandler(new Queue<HttpStatusCode>());
        using var client = new InfluxHttpClient(options, handler);

        await client.WriteAsync("m f=1i 1\n"u8.ToArray(), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/write", request.Uri.AbsolutePath);
        Assert.Equal("?db=fleet%20db&rp=telematics_400d&precision=ms", request.Uri.Query);
        Assert.Equal("Basic " + Convert.ToBase64String("ingest:s3cret:pw"u8.ToArray()), request.Authorization);
        Assert.DoesNotContain("s3cret", request.Uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_writes_go_to_the_v2_endpoint_with_a_token()
    {
        var options = InfluxTestOptions.For(influx.Server.Url, "telematics", InfluxTestOptions.TempDirectory());
        options.ApiVersion = InfluxApiVersion.V2;
        options.Org = "Sở GTVT Lạng Sơn";
        options.Bucket = "positions";
        options.Token = "tok-123";
        var handler = new ScriptedInfluxHandler(new Queue<HttpStatusCode>());
        using var client = new InfluxHttpClient(options, handler);

        var outcome = await client.WriteAsync("m f=1i 1\n"u8.ToArray(), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/api/v2/write", request.Uri.AbsolutePath);
        Assert.Equal("?org=S%E1%BB%9F%20GTVT%20L%E1%BA%A1ng%20S%C6%A1n&bucket=positions&precision=ms", request.Uri.Query);
        Assert.Equal("Token tok-123", request.Authorization);
        Assert.Equal(WriteStatus.Retry, outcome.Status); // InfluxDB 1.6 has no v2 API: 404 is not a reason to drop anything
        Assert.Equal(404, outcome.HttpStatus);
    }

    [Fact]
    public async Task A_refused_connection_is_a_retry_not_an_exception()
    {
        var options = InfluxTestOptions.For("http://127.0.0.1:1", "telematics", InfluxTestOptions.TempDirectory());
        using var client = new InfluxHttpClient(options);

        var outcome = await client.WriteAsync("m f=1i 1\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal(WriteStatus.Retry, outcome.Status);
        Assert.Equal(0, outcome.HttpStatus);
        Assert.False(await client.PingAsync(CancellationToken.None));
    }
}
