using System.Text.Json;

namespace Telematics.Ingest.Tests.Support;

/// <summary>InfluxQL and raw writes against the test's influxd, failing the test on an error answer.</summary>
public sealed partial class InfluxServer
{
    public async Task CreateDatabaseAsync(string database) => await QueryAsync($"CREATE DATABASE \"{database}\"", null);

    /// <summary>Runs InfluxQL and returns the parsed answer.</summary>
    public async Task<JsonDocument> QueryAsync(string influxQl, string? database)
    {
        var form = new List<KeyValuePair<string, string>> { new("q", influxQl) };
        if (database is not null)
        {
            form.Add(new("db", database));
        }

        using var response = await _http.PostAsync("query?epoch=ms", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"query {influxQl}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>The rows of the first series (each row's values by column name), or none.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> RowsAsync(string influxQl, string database)
    {
        using var doc = await QueryAsync(influxQl, database);
        var rows = new List<Dictionary<string, JsonElement>>();
        var result = doc.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            Assert.Fail($"query {influxQl}: {error}");
        }

        if (!result.TryGetProperty("series", out var series))
        {
            return rows;
        }

        foreach (var s in series.EnumerateArray())
        {
            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            foreach (var values in s.GetProperty("values").EnumerateArray())
            {
                var row = new Dictionary<string, JsonElement>();
                var i = 0;
                foreach (var v in values.EnumerateArray())
                {
                    row[columns[i++]] = v.Clone();
                }

                if (s.TryGetProperty("tags", out var tags))
                {
                    foreach (var t in tags.EnumerateObject())
                    {
                        row["tag:" + t.Name] = t.Value.Clone();
                    }
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>count(field) over a measurement; 0 when it does not exist yet.</summary>
    public async Task<long> CountAsync(string database, string measurement = "position", string field = "lat")
    {
        try
        {
            var rows = await RowsAsync($"SELECT count(\"{field}\") FROM \"{measurement}\"", database);
            return rows.Count == 0 ? 0 : rows[0]["count"].GetInt64();
        }
        catch (HttpRequestException)
        {
            return -1;
        }
    }

    public async Task<HttpResponseMessage> WriteRawAsync(string database, string lines) =>
        await _http.PostAsync($"write?db={database}&precision=ms", new StringContent(lines));
}
