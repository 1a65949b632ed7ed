using System.Globalization;
using System.Text.Json;
using Telematics.Rules.Vehicles;

namespace Telematics.Devices.Fleet;

/// <summary>Writes a registry file (the worker's devices.json format) for a simulated fleet: Lạng Sơn plates, classes, operators, drivers.</summary>
public static class FleetRegistry
{
    private static readonly string[] Operators =
    [
        "Công ty CP Vận tải Lạng Sơn",
        "HTX Vận tải Đồng Đăng",
        "Công ty TNHH Logistics Hữu Nghị",
        "Công ty CP Xe khách Kỳ Lừa",
    ];

    private static readonly VehicleClass[] Classes =
        [VehicleClass.TractorSemitrailer, VehicleClass.Truck, VehicleClass.Truck, VehicleClass.Coach, VehicleClass.LightTruck, VehicleClass.Tanker];

    public static string ToJson(IEnumerable<FleetVehicle> vehicles)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("devices");
            var i = 0;
            foreach (var v in vehicles)
            {
                json.WriteStartObject();
                json.WriteString("deviceId", v.DeviceId);
                json.WriteString("plate", string.Create(CultureInfo.InvariantCulture, $"12C-{100 + (i / 100):D3}.{i % 100:D2}"));
                json.WriteString("vehicleClass", VehicleClassNames.ToName(Classes[i % Classes.Length]));
                json.WriteString("operator", Operators[i % Operators.Length]);
                json.WriteString("driver", string.Create(CultureInfo.InvariantCulture, $"GPLX-{200000 + i}"));
                json.WriteEndObject();
                i++;
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
