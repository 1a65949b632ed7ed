using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Telematics.Dashboard.Map;

/// <summary>
/// <c>GET /map/stream[?since=seq]</c>: server-sent events. Each tick that changed something is one
/// <c>delta</c> event (id = its sequence number); a client that reconnects (Last-Event-ID) or
/// passes the snapshot's <c>seq</c> as <c>since</c> continues without a gap, otherwise — and whenever it fell
/// behind — it gets a <c>snapshot</c> event. A comment line every 15 s keeps idle connections open
/// and finds dead ones. The stream ends when the client leaves or the host stops.
/// </summary>
public static class MapStreamEndpoint
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly byte[] Ping = ": ping\n\n"u8.ToArray();
    private static readonly byte[] EndOfEvent = "\n\n"u8.ToArray();

    public static async Task StreamAsync(HttpContext http, MapFeed feed, IHostApplicationLifetime lifetime, string? since)
    {
        // A browser reconnecting sends Last-Event-ID (newer than the since= of the URL it reuses).
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        if (!TryPosition(lastEventId is { Length: > 0 } ? lastEventId : since, out var position))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new { error = "since must be a sequence number" }).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellation = stop.Token;
        using var subscription = feed.Subscribe(position);
        var body = http.Response.BodyWriter;
        try
        {
            // A lost connection is retried after 1 s (the browser's default is 3 s).
            await body.WriteAsync("retry: 1000\n\n"u8.ToArray(), cancellation).ConfigureAwait(false);
            while (!cancellation.IsCancellationRequested)
            {
                MapFrame frame;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                {
                    wait.CancelAfter(Heartbeat);
                    try
                    {
                        frame = await subscription.NextAsync(wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                    {
                        await body.WriteAsync(Ping, cancellation).ConfigureAwait(false);
                        continue;
                    }
                }

                // Waits while the connection's output buffer is full: the subscription's bounded queue takes the overflow.
                body.Write(Encoding.ASCII.GetBytes($"id: {frame.Seq.ToString(CultureInfo.InvariantCulture)}\nevent: {frame.Event}\ndata: "));
                body.Write(frame.Json);
                body.Write(EndOfEvent);
                await body.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client left or the host is stopping.
        }
    }

    private static bool TryPosition(string? text, out long? position)
    {
        position = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            position = value;
            return true;
        }

        return false;
    }
}
