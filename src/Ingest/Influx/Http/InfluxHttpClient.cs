using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Telematics.Ingest.Influx.Queries;

namespace Telematics.Ingest.Influx.Http;

/// <summary>
/// InfluxDB's HTTP API on one <see cref="HttpClient"/> (SocketsHttpHandler, pooled connections):
/// v1 <c>POST /write?db=&amp;rp=&amp;precision=ms</c> or v2 <c>POST /api/v2/write?org=&amp;bucket=&amp;precision=ms</c>,
/// <c>POST /query</c> (InfluxQL, epoch=ms), <c>GET /ping</c>. Credentials go in the
/// Authorization header (basic for v1 user/password, "Token" for v2), never in a URL or a log
/// line. Thread-safe.
/// </summary>
public sealed class InfluxHttpClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly InfluxOptions _options;
    private readonly Uri _writeUri;
    private readonly AuthenticationHeaderValue? _authorization;

    public InfluxHttpClient(InfluxOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        handler ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            MaxConnectionsPerServer = Math.Max(options.Writers, 1) + 4,
            AutomaticDecompression = DecompressionMethods.GZip,
        };
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"),
            Timeout = options.RequestTimeout,
        };
        _writeUri = BuildWriteUri(options);
        _authorization = BuildAuthorization(options);
    }

    /// <summary>Posts line protocol. Never throws for InfluxDB's or the network's failures: the outcome says what happened.</summary>
    public async Task<WriteOutcome> WriteAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        byte[]? compressed = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri);
            request.Headers.Authorization = _authorization;
            if (_options.Gzip)
            {
                (compressed, var length) = Compress(lines.Span);
                request.Content = new ByteArrayContent(compressed, 0, length);
                request.Content.Headers.ContentEncoding.Add("gzip");
            }
            else
            {
                request.Content = new ReadOnlyMemoryContent(lines);
            }

            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return WriteOutcome.Written;
            }

            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            if (status is 400 or 413)
            {
                return new WriteOutcome(WriteStatus.Rejected, status, error);
            }

            return new WriteOutcome(WriteStatus.Retry, status, error, RetryAfter(response));
        }
        catch (HttpRequestException ex)
        {
            return new WriteOutcome(WriteStatus.Retry, 0, ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused or reset" : ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WriteOutcome(WriteStatus.Retry, 0, $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s");
        }
        finally
        {
            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    /// <summary>GET /ping: true when InfluxDB answers 2xx.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "ping");
            request.Headers.Authorization = _authorization;
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs InfluxQL (POST /query, epoch=ms) and returns the JSON body in a pooled buffer
    /// (dispose it). Throws <see cref="InfluxQueryException"/> for an error answer or an error
    /// inside the results, <see cref="HttpRequestException"/> when InfluxDB is unreachable.
    /// </summary>
    public async Task<PooledBytes> QueryAsync(string influxQl, bool withDatabase, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("q", influxQl) };
        if (withDatabase)
        {
            form.Add(new("db", _options.Database));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "query?epoch=ms")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await PooledBytes.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = ErrorText(body.Span) ?? response.ReasonPhrase;
            body.Dispose();
            throw new InfluxQueryException($"InfluxDB answered {(int)response.StatusCode} to a query: {text}");
        }

        if (FirstResultError(body.Span) is { } error)
        {
            body.Dispose();
            throw new InfluxQueryException($"InfluxDB query failed: {error}");
        }

        return body;
    }

    /// <summary>Creates the database and the retention policy (as DEFAULT) when missing. v1 only; v2 buckets are made by their admin.</summary>
    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        if (_options.ApiVersion == InfluxApiVersion.V2)
        {
            return;
        }

        var db = InfluxQl.Identifier(_options.Database);
        (await QueryAsync($"CREATE DATABASE {db}", withDatabase: false, cancellationToken).ConfigureAwait(false)).Dispose();
        if (string.IsNullOrEmpty(_options.RetentionPolicy))
        {
            return;
        }

        using var policies = await QueryAsync($"SHOW RETENTION POLICIES ON {db}", withDatabase: false, cancellationToken).ConfigureAwait(false);
        if (!RetentionPolicyExists(policies.Span, _options.RetentionPolicy))
        {
            var rp = InfluxQl.Identifier(_options.RetentionPolicy);
            (await QueryAsync($"CREATE RETENTION POLICY {rp} ON {db} DURATION {_options.RetentionDays}d REPLICATION 1 DEFAULT", withDatabase: false, cancellationToken).ConfigureAwait(false)).Dispose();
        }
    }

    private static bool RetentionPolicyExists(ReadOnlySpan<byte> json, string name)
    {
        var reader = new Utf8JsonReader(json);
        var depth = -1;
        while (reader.Read())
        {
            // Rows are arrays inside "values": the name is the first string of each row.
            if (reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth >= 6)
            {
                depth = reader.CurrentDepth;
                continue;
            }

            if (depth >= 0 && reader.CurrentDepth == depth + 1 && reader.TokenType == JsonTokenType.String)
            {
                if (reader.ValueTextEquals(name))
                {
                    return true;
                }

                depth = -1;
            }
        }

        return false;
    }

    public void Dispose() => _http.Dispose();

    private static Uri BuildWriteUri(InfluxOptions options)
    {
        var sb = new StringBuilder();
        if (options.ApiVersion == InfluxApiVersion.V2)
        {
            var bucket = options.Bucket ?? (string.IsNullOrEmpty(options.RetentionPolicy) ? options.Database : $"{options.Database}/{options.RetentionPolicy}");
            sb.Append("api/v2/write?org=").Append(Uri.EscapeDataString(options.Org ?? string.Empty))
              .Append("&bucket=").Append(Uri.EscapeDataString(bucket));
        }
        else
        {
            sb.Append("write?db=").Append(Uri.EscapeDataString(options.Database));
            if (!string.IsNullOrEmpty(options.RetentionPolicy))
            {
                sb.Append("&rp=").Append(Uri.EscapeDataString(options.RetentionPolicy));
            }
        }

        sb.Append("&precision=ms");
        return new Uri(sb.ToString(), UriKind.Relative);
    }

    private static AuthenticationHeaderValue? BuildAuthorization(InfluxOptions options)
    {
        if (options.EffectiveToken is { Length: > 0 } token)
        {
            return new AuthenticationHeaderValue("Token", token);
        }

        if (options.EffectiveUsername is { Length: > 0 } user)
        {
            var raw = Encoding.UTF8.GetBytes($"{user}:{options.EffectivePassword}");
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        }

        return null;
    }

    private static (byte[] Array, int Length) Compress(ReadOnlySpan<byte> lines)
    {
        using var output = new MemoryStream(lines.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(lines);
        }

        var array = ArrayPool<byte>.Shared.Rent((int)output.Length);
        output.Position = 0;
        var length = output.Read(array, 0, (int)output.Length);
        return (array, length);
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await PooledBytes.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return ErrorText(body.Span)
            ?? (response.Headers.TryGetValues("X-Influxdb-Error", out var values) ? string.Join(' ', values) : null)
            ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>The "error" (v1) or "message" (v2) member of an error body.</summary>
    private static string? ErrorText(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && (reader.ValueTextEquals("error"u8) || reader.ValueTextEquals("message"u8)))
                {
                    reader.Read();
                    return reader.GetString();
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(json[..Math.Min(json.Length, 500)]);
        }

        return null;
    }

    /// <summary>An "error" member inside results[] (a statement that failed).</summary>
    private static string? FirstResultError(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                return reader.GetString();
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("series"u8))
            {
                reader.Read();
                reader.Skip();
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
