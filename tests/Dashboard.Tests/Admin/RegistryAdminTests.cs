using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Accounts;
using Telematics.Ingest.Registry;

namespace Telematics.Dashboard.Tests.Admin;

public sealed class RegistryAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private const string TwoTrucks = """
        {"devices": [
          {"deviceId": "356307042441013", "plate": "12C-345.67", "vehicleClass": "truck", "operator": "Vận tải Hữu Nghị", "driver": "Nguyễn Văn An"},
          {"deviceId": "356307042441014", "plate": "12C-345.68", "vehicleClass": "truck", "operator": "Vận tải Hữu Nghị"}
        ]}
        """;

    [Fact]
    public async Task A_bad_registry_is_refused_with_the_parsers_reason_and_the_file_stays()
    {
        File.WriteAllText(fixture.RegistryPath, TwoTrucks);
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var response = await admin.UploadAsync("/admin/registry", "devices.json", """{"devices": [{"deviceId": "356307042441015", "vehicleClass": "truck"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tệp danh mục không hợp lệ, không được áp dụng:", html, StringComparison.Ordinal);
        Assert.Contains("devices[0]: &quot;plate&quot; is required", html, StringComparison.Ordinal);
        Assert.Equal(TwoTrucks, File.ReadAllText(fixture.RegistryPath));
    }

    [Fact]
    public async Task A_valid_registry_replaces_the_file_and_the_worker_loads_it()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        var registry = fixture.Factory.Services.GetRequiredService<DeviceRegistry>();
        var three = TwoTrucks.Replace("]}", """, {"deviceId": "8613800138000", "plate": "12B-001.23", "vehicleClass": "coach", "operator": "Xe khách Lạng Sơn", "utcOffset": "+08:00"}]}""", StringComparison.Ordinal);

        var response = await admin.UploadAsync("/admin/registry", "devices.json", three);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(three, File.ReadAllText(fixture.RegistryPath));
        registry.ReloadIfChanged();
        Assert.True(registry.TryGet("8613800138000", out var coach));
        Assert.Equal("12B-001.23", coach.Plate);
        var page = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("Đã thay thế danh mục thiết bị", page, StringComparison.Ordinal);
        Assert.Contains("<strong>12B-001.23</strong>", page, StringComparison.Ordinal);
        Assert.Contains("UTC+08:00", page[page.IndexOf("12B-001.23", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(fixture.RegistryPath)!, "*.tmp"));
    }

    [Fact]
    public async Task An_empty_upload_is_refused()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var response = await admin.UploadAsync("/admin/registry", "devices.json", string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Chưa chọn tệp, hoặc tệp rỗng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
