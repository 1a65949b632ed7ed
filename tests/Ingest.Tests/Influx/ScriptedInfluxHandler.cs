using System.Collections.Concurrent;
using System.Net;

namespace Telematics.Ingest.Tests.Influx;

/// <summary>
/// Sits in front of the real influxd: records every request, and answers the first few writes
/// with scripted failures (503, 429 with Retry-After) before letting them through.
/// </summary>
public sealed class ScriptedInfluxHandler(Queue<HttpStatusCode> failures) : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Authorization, string? ContentEncoding)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentEncoding.FirstOrDefault()));
        if (request.RequestUri!.AbsolutePath.EndsWith("/write", StringComparison.Ordinal))
        {
            HttpStatusCode? failure = null;
            lock (failures)
            {
                if (failures.Count > 0)
                {
                    failure = failures.Dequeue();
                }
            }

            if (failure is { } status)
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent("{\"error\":\"scripted " + (int)status + "\"}") };
                if (status == HttpStatusCode.TooManyRequests)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMilliseconds(1));
                }

                return response;
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
