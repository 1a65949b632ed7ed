using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telematics.Ingest.Metrics;
using Telematics.Ingest.Registry;
using Telematics.Rules.Vehicles;

namespace Telematics.Ingest.Tests.Registry;

public sealed class DeviceRegistryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.json");

    [Fact]
    public void Reads_devices_with_plate_class_operator_driver_and_clock()
    {
        var entries = DeviceRegistryFile.Parse("""
            {"devices":[{"deviceId":"356307042441013","plate":"12C-345.67","vehicleClass":"tractor-semitrailer",
                         "operator":"Công ty Vận tải Lạng Sơn","driver":"GPLX-1","utcOffset":"+07:00"}]}
            """);

        var e = Assert.Single(entries);
        Assert.Equal("356307042441013", e.DeviceId);
        Assert.Equal(VehicleClass.TractorSemitrailer, e.VehicleClass);
        Assert.Equal("Công ty Vận tải Lạng Sơn", e.Operator);
        Assert.Equal(TimeSpan.FromHours(7), e.UtcOffset);
    }

    [Theory]
    [InlineData("""[]""", "\"devices\" array")]
    [InlineData("""{"devices":[{"plate":"x"}]}""", "devices[0]: \"deviceId\" is required")]
    [InlineData("""{"devices":[{"deviceId":"1","plate":"x","vehicleClass":"spaceship"}]}""", "unknown vehicleClass \"spaceship\"")]
    [InlineData("""{"devices":[{"deviceId":"1","plate":"x"},{"deviceId":"1","plate":"y"}]}""", "appears twice")]
    [InlineData("""{"devices":[{"deviceId":"1","plate":"x","utcOffset":"8"}]}""", "utcOffset")]
    [InlineData("""{"devices":[{"deviceId":"1","plate":5}]}""", "must be a string")]
    public void A_bad_file_is_refused_with_a_reason_naming_the_entry(string json, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => DeviceRegistryFile.Parse(json));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_file_is_reloaded_and_a_broken_edit_keeps_the_previous_devices()
    {
        File.WriteAllText(_path, """{"devices":[{"deviceId":"1","plate":"A"}]}""");
        var registry = Create(UnknownDevicePolicy.Reject);
        Assert.True(registry.Admit("1"));
        Assert.False(registry.Admit("2"));

        File.WriteAllText(_path, """{"devices":[{"deviceId":"1","plate":"A"},{"deviceId":"2","plate":"B"}]}""");
        File.SetLastWriteTimeUtc(_path, DateTime.UtcNow.AddSeconds(5));
        Assert.True(registry.ReloadIfChanged());
        Assert.True(registry.Admit("2"));

        File.WriteAllText(_path, """{"devices":[{"deviceId":"1" """);
        File.SetLastWriteTimeUtc(_path, DateTime.UtcNow.AddSeconds(10));
        Assert.False(registry.ReloadIfChanged());
        Assert.Equal(2, registry.Count);
    }

    [Fact]
    public void Unknown_devices_are_admitted_and_flagged_by_default_and_a_missing_file_is_an_empty_registry()
    {
        var registry = Create(UnknownDevicePolicy.Accept);

        Assert.Equal(0, registry.Count);
        Assert.True(registry.Admit("999"));
        Assert.False(registry.TryGet("999", out _));
    }

    [Fact]
    public void The_device_clock_override_comes_from_the_registry()
    {
        File.WriteAllText(_path, """{"devices":[{"deviceId":"1","plate":"A","utcOffset":"-05:30"}]}""");
        var registry = Create(UnknownDevicePolicy.Accept);

        Assert.Equal(TimeSpan.FromMinutes(-330), registry.UtcOffset("1"));
        Assert.Null(registry.UtcOffset("2"));
    }

    public void Dispose()
    {
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }
    }

    private DeviceRegistry Create(UnknownDevicePolicy policy) =>
        new(Options.Create(new RegistryOptions { Path = _path, UnknownDevices = policy }), NullLogger<DeviceRegistry>.Instance, new IngestMetrics());
}
