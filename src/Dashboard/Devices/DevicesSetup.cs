namespace Telematics.Dashboard.Devices;

public static class DevicesSetup
{
    /// <summary>The devices page: its settings and where it reads the devices from.</summary>
    public static IServiceCollection AddDeviceMonitoring(this IServiceCollection services)
    {
        services.AddOptions<DeviceMonitorOptions>().BindConfiguration(DeviceMonitorOptions.Section);
        services.AddHttpClient(DeviceSource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<DeviceSource>();
        return services;
    }
}
