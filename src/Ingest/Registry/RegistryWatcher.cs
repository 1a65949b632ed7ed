using Microsoft.Extensions.Hosting;

namespace Telematics.Ingest.Registry;

/// <summary>Polls the registry file so that edits take effect without a restart.</summary>
public sealed class RegistryWatcher(DeviceRegistry registry) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            registry.ReloadIfChanged();
        }
    }
}
