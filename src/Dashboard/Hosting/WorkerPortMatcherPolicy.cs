using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Telematics.Ingest.Hosting;

namespace Telematics.Dashboard.Hosting;

/// <summary>
/// All-in-one mode: the worker's endpoints and the dashboard's share one host but not one port.
/// Some paths exist in both (/healthz, /gates, /devices): on the worker's HTTP port only the
/// endpoints tagged <see cref="WorkerEndpoint"/> match, on every other port only the others.
/// </summary>
public sealed class WorkerPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    /// <summary>The metadata that marks a worker endpoint.</summary>
    public static readonly object WorkerEndpoint = new WorkerEndpointMarker();

    // After the HTTP-method and host policies.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var onWorkerPort = IngestHost.IsWorkerHttpConnection(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && IsWorker(candidates[i].Endpoint) != onWorkerPort)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsWorker(Endpoint endpoint) => endpoint.Metadata.GetMetadata<WorkerEndpointMarker>() is not null;

    private sealed class WorkerEndpointMarker;
}
