using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;
using Telematics.Ingest.Violations;

namespace Telematics.Dashboard.Fleet;

/// <summary>
/// The standalone mode's live state: polls the worker's <c>/live</c> and <c>/gates</c> once a
/// second. While the worker cannot be reached the last answer stays shown and a warning is logged
/// once per outage.
/// </summary>
public sealed partial class RemoteFleetView(HttpClient http, IOptions<DashboardOptions> options, ILogger<RemoteFleetView> logger) : BackgroundService, IFleetView
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private volatile IReadOnlyList<LiveVehicle> _vehicles = [];
    private volatile Dictionary<string, LiveVehicle> _byDevice = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<GateZoneFigures> _gates = [];

    public IReadOnlyList<LiveVehicle> Vehicles() => _vehicles;

    public LiveVehicle? Vehicle(string deviceId) => _byDevice.GetValueOrDefault(deviceId);

    public IReadOnlyList<GateZoneFigures> Gates() => _gates;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = new Uri(options.Value.WorkerUrl.TrimEnd('/') + "/");
        var reachable = true;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            try
            {
                var vehicles = await http.GetFromJsonAsync<List<LiveVehicle>>(new Uri(worker, "live"), Json, stoppingToken).ConfigureAwait(false) ?? [];
                _byDevice = vehicles.ToDictionary(v => v.DeviceId, StringComparer.Ordinal);
                _vehicles = vehicles;
                var gates = await http.GetFromJsonAsync<List<GateJson>>(new Uri(worker, "gates"), Json, stoppingToken).ConfigureAwait(false) ?? [];
                _gates = gates.Select(g => new GateZoneFigures(g.Zone, g.Gate, g.Kind, g.Vehicles, Seconds(g.DwellMedianS), Seconds(g.DwellP90S))).ToList();
                if (!reachable)
                {
                    LogReachable(worker);
                }

                reachable = true;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                if (reachable)
                {
                    LogUnreachable(worker, ex.Message);
                }

                reachable = false;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static TimeSpan? Seconds(double? s) => s is { } v ? TimeSpan.FromSeconds(v) : null;

    private sealed record GateJson(string Zone, string? Gate, string Kind, int Vehicles, double? DwellMedianS, double? DwellP90S);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker} unreachable, the live map shows its last state: {Reason}")]
    private partial void LogUnreachable(Uri worker, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} reachable again")]
    private partial void LogReachable(Uri worker);
}
