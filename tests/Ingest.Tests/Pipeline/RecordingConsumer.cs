using System.Collections.Concurrent;
using Telematics.Ingest.Pipeline;

namespace Telematics.Ingest.Tests.Pipeline;

/// <summary>A consumer that remembers what it got; optionally held at a gate to play a slow consumer.</summary>
public sealed class RecordingConsumer : IPositionConsumer
{
    private readonly ConcurrentQueue<IngestedPosition> _received = new();

    public SemaphoreSlim? Gate { get; init; }

    public IReadOnlyList<IngestedPosition> Received => _received.ToArray();

    public async ValueTask OnPositionAsync(IngestedPosition position, CancellationToken cancellationToken)
    {
        if (Gate is not null)
        {
            await Gate.WaitAsync(cancellationToken);
        }

        _received.Enqueue(position);
    }
}
