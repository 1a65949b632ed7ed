using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Dashboard.Tests.Support;
using Telematics.Ingest.Pipeline;
using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.Tests.Map;

/// <summary>
/// One all-in-one dashboard for the map tests, with a registry of known vehicles and the
/// pipeline's reorder window off (records reach the live state at once, so that latencies are
/// the map's own).
/// </summary>
public sealed class MapFixture : IDisposable
{
    public MapFixture()
    {
        Factory = new DashboardFactory(("Telematics:Pipeline:ReorderWindow", "00:00:00"));
        File.WriteAllText(Path.Combine(Factory.Directory, "devices.json"), """
            {"devices":[
              {"deviceId":"356307040000101","plate":"12C-101.01","vehicleClass":"truck","operator":"Công ty Vận tải Kỳ Lừa","driver":"GPLX-200101"},
              {"deviceId":"356307040000102","plate":"12C-101.02","vehicleClass":"tractor-semitrailer","operator":"HTX Vận tải Đồng Đăng","driver":"GPLX-200102"},
              {"deviceId":"356307040000103","plate":"12C-101.03","vehicleClass":"coach","operator":"Công ty Vận tải Kỳ Lừa","driver":"GPLX-200103"},
              {"deviceId":"356307040000104","plate":"12C-101.04","vehicleClass":"truck","operator":"HTX Vận tải Đồng Đăng","driver":"GPLX-200104"},
              {"deviceId":"356307040000105","plate":"12C-101.05","vehicleClass":"truck","operator":"HTX Vận tải Đồng Đăng","driver":"GPLX-200105"},
              {"deviceId":"356307040000106","plate":"12C-101.06","vehicleClass":"truck","operator":"HTX Vận tải Đồng Đăng","driver":"GPLX-200106"},
              {"deviceId":"356307040000107","plate":"12C-101.07","vehicleClass":"truck","operator":"HTX Vận tải Đồng Đăng","driver":"GPLX-200107"}
            ]}
            """);
    }

    public DashboardFactory Factory { get; }

    public IngestPipeline Pipeline => Factory.Services.GetRequiredService<IngestPipeline>();

    public static PositionRecord Position(string deviceId, DateTime time, double lat, double lon, double speedKmh, int heading = 0) => new()
    {
        DeviceId = deviceId,
        Time = time,
        Lat = lat,
        Lon = lon,
        SpeedKmh = speedKmh,
        Heading = heading,
        Satellites = 9,
        Valid = true,
        Ignition = speedKmh > 0,
    };

    public static RaisedCase Case(string kind, string deviceId, string plate, DateTime start) => new()
    {
        Kind = kind,
        DeviceId = deviceId,
        Plate = plate,
        Start = start,
        End = start.AddMinutes(2),
        Corridor = "QL1 Lạng Sơn – Hữu Nghị",
        LegalReference = "Nghị định 168/2024/NĐ-CP Điều 6",
        Measured = new Dictionary<string, double> { ["maxSpeedKmh"] = 78, ["limitKmh"] = 60 },
    };

    /// <summary>Polls until <paramref name="probe"/> says done (the pipeline and the map tick run on their own tasks).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<(bool Done, T Value)>> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var (done, value) = await probe();
            if (done)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>The snapshot once it lists <paramref name="deviceId"/> at the expected latitude (1e-5°).</summary>
    public static Task<JsonElement> SnapshotWithAsync(HttpClient client, string deviceId, int latE5) =>
        EventuallyAsync(
            async () =>
            {
                var snapshot = await client.GetFromJsonAsync<JsonElement>("/map/snapshot");
                var slot = Slot(snapshot, deviceId);
                return (slot >= 0 && snapshot.GetProperty("v")[slot * 5].GetInt32() == latE5, snapshot);
            },
            $"{deviceId} in the snapshot");

    public static int Slot(JsonElement snapshot, string deviceId)
    {
        var ids = snapshot.GetProperty("ids");
        for (var i = 0; i < ids.GetArrayLength(); i++)
        {
            if (ids[i].ValueKind == JsonValueKind.String && ids[i].GetString() == deviceId)
            {
                return i;
            }
        }

        return -1;
    }

    public void Dispose() => Factory.Dispose();
}
