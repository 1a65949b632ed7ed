using System.Threading.Channels;

namespace Telematics.Dashboard.Map;

/// <summary>
/// One open map's queue of frames, bounded: when the client reads too slowly and the queue is full,
/// the queued frames are dropped and the client's next message is a fresh snapshot. A gap in the
/// sequence (a frame that never made it into the queue) is repaired the same way. The server thus
/// holds at most a few shared frames per client, however slow it is. One reader.
/// </summary>
public sealed class MapSubscription : IDisposable
{
    private readonly MapFeed _feed;
    private readonly Channel<MapFrame> _queue;
    private int _resync;
    private int _resyncs;

    internal MapSubscription(MapFeed feed, int capacity)
    {
        _feed = feed;
        _queue = Channel.CreateBounded<MapFrame>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The sequence number of the last frame handed out (a snapshot counts).</summary>
    public long Position { get; private set; }

    /// <summary>How many times this client fell behind and was sent a snapshot instead.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>The next frame to send: a delta following the last one, or a snapshot after an overflow.</summary>
    public async ValueTask<MapFrame> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Interlocked.Exchange(ref _resync, 0) == 1)
            {
                while (_queue.Reader.TryRead(out _))
                {
                    // Stale: the snapshot below includes what they carried.
                }

                var snapshot = _feed.Snapshot();
                Position = snapshot.Seq;
                return snapshot;
            }

            var frame = await _queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (frame.Seq <= Position)
            {
                continue;
            }

            if (frame.Seq != Position + 1)
            {
                Interlocked.Increment(ref _resyncs);
                Volatile.Write(ref _resync, 1);
                continue;
            }

            Position = frame.Seq;
            return frame;
        }
    }

    public void Dispose() => _feed.Unsubscribe(this);

    /// <summary>Called under the feed's lock: never waits.</summary>
    internal void Offer(MapFrame frame)
    {
        if (!_queue.Writer.TryWrite(frame) && Interlocked.Exchange(ref _resync, 1) == 0)
        {
            Interlocked.Increment(ref _resyncs);
        }
    }

    internal void Start(long? since)
    {
        if (since is { } s)
        {
            Position = s;
        }
        else
        {
            _resync = 1;
        }
    }
}
