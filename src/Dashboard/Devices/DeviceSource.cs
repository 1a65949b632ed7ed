using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Transport;

namespace Telematics.Dashboard.Devices;

/// <summary>
/// The devices the worker knows: in the all-in-one mode straight from the in-process tracker,
/// registry and live state; in the standalone mode from the worker's <c>GET /devices</c>, asked
/// when the page is shown (null when the worker cannot be reached).
/// </summary>
public sealed partial class DeviceSource(IServiceProvider services, IHttpClientFactory http, IOptions<DashboardOptions> options, ILogger<DeviceSource> logger)
{
    public const string HttpClientName = "devices";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<DeviceStatus>?> ListAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<DeviceActivity>() is { } activity)
        {
            return DeviceDirectory.List(services.GetRequiredService<DeviceRegistry>(), activity, services.GetRequiredService<LiveFleetState>());
        }

        var worker = new Uri(new Uri(options.Value.WorkerUrl.TrimEnd('/') + "/"), "devices");
        try
        {
            return await http.CreateClient(HttpClientName).GetFromJsonAsync<List<DeviceStatus>>(worker, Json, cancellationToken).ConfigureAwait(false) ?? [];
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(worker, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Devices of worker {Worker} not read: {Reason}")]
    private partial void LogUnreachable(Uri worker, string reason);
}
