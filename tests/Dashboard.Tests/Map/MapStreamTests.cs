using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.Tests.Map;

public sealed class MapStreamTests(MapFixture fixture) : IClassFixture<MapFixture>
{
    [Fact]
    public async Task A_new_position_reaches_an_open_stream_as_a_delta_within_one_second()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);
        var snapshot = await client.GetFromJsonAsync<JsonElement>("/map/snapshot");
        var since = snapshot.GetProperty("seq").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/map/stream?since={since}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await fixture.Pipeline.EnqueueAsync(MapFixture.Position("356307040000105", DateTime.UtcNow, 21.912346, 106.701234, 61.2, 180));
        var (id, delta) = await NextDeltaWithAsync(reader, "356307040000105", timeout.Token);
        var elapsed = clock.Elapsed;

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"the delta took {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(delta.GetProperty("seq").GetInt64(), id);
        Assert.True(id > since);
        var n = delta.GetProperty("n");
        var slot = Enumerable.Range(0, n.GetArrayLength() / 3).Select(i => i * 3).First(i => n[i + 1].GetString() == "356307040000105");
        Assert.Equal("12C-101.05", n[slot + 2].GetString());
        var v = delta.GetProperty("v");
        var row = Enumerable.Range(0, v.GetArrayLength() / 6).Select(i => i * 6).First(i => v[i].GetInt32() == n[slot].GetInt32());
        Assert.Equal([2191235, 10670123, 61, 180, 0], Enumerable.Range(row + 1, 5).Select(i => v[i].GetInt32()).ToArray());
    }

    [Fact]
    public async Task A_stream_without_a_known_position_starts_with_a_snapshot()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);
        await fixture.Pipeline.EnqueueAsync(MapFixture.Position("356307040000106", DateTime.UtcNow, 21.8, 106.7, 10));
        await MapFixture.SnapshotWithAsync(client, "356307040000106", 2180000);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/map/stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var (name, _, data) = await NextEventAsync(reader, timeout.Token);

        Assert.Equal("snapshot", name);
        Assert.True(MapFixture.Slot(data, "356307040000106") >= 0);
    }

    [Fact]
    public async Task A_stream_position_that_is_not_a_number_is_refused()
    {
        var client = await fixture.Factory.SignedInAsync(Roles.Monitor);

        var response = await client.GetAsync("/map/stream?since=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("since must be a sequence number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(long Id, JsonElement Delta)> NextDeltaWithAsync(StreamReader reader, string deviceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (name, id, data) = await NextEventAsync(reader, cancellationToken);
            if (name == "delta" && data.GetProperty("n").EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == deviceId))
            {
                return (id, data);
            }
        }
    }

    private static async Task<(string Name, long Id, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        long id = 0;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    return (name, id, JsonDocument.Parse(data).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line["id: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException("the stream ended");
    }
}
