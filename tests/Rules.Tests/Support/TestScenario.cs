using Telematics.Rules.Engine;
using Telematics.Rules.Profiles;
using Telematics.Rules.Scenario;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Tests.Support;

/// <summary>
/// A small scenario along latitude 21.85: a corridor road from 106.70 to 106.80 (limit 60, trucks
/// 50 in the town zone), a route on it, a no-stopping stretch, a gate approach zone and yard.
/// </summary>
public static class TestScenario
{
    public const string Json = """
        {
          "type": "FeatureCollection",
          "name": "test",
          "features": [
            { "type": "Feature", "properties": { "kind": "corridor", "name": "Road", "widthM": 100, "gate": "Gate", "speedLimits": { "default": 60 } },
              "geometry": { "type": "LineString", "coordinates": [[106.70, 21.85], [106.80, 21.85]] } },
            { "type": "Feature", "properties": { "kind": "speed-zone", "name": "Town", "speedLimits": { "default": 50, "truck": 40 } },
              "geometry": { "type": "Polygon", "coordinates": [[[106.75, 21.84], [106.76, 21.84], [106.76, 21.86], [106.75, 21.86], [106.75, 21.84]]] } },
            { "type": "Feature", "properties": { "kind": "route", "name": "Road route", "widthM": 150 },
              "geometry": { "type": "LineString", "coordinates": [[106.70, 21.85], [106.80, 21.85]] } },
            { "type": "Feature", "properties": { "kind": "no-stopping", "name": "Gate road", "corridor": "Road", "widthM": 60 },
              "geometry": { "type": "LineString", "coordinates": [[106.70, 21.85], [106.72, 21.85]] } },
            { "type": "Feature", "properties": { "kind": "approach-zone", "name": "Gate approach", "gate": "Gate", "radiusM": 500 },
              "geometry": { "type": "Point", "coordinates": [106.79, 21.85] } },
            { "type": "Feature", "properties": { "kind": "holding-yard", "name": "Gate yard", "gate": "Gate", "radiusM": 200 },
              "geometry": { "type": "Point", "coordinates": [106.795, 21.85] } },
            { "type": "Feature", "properties": { "kind": "border-gate", "name": "Gate" },
              "geometry": { "type": "Point", "coordinates": [106.80, 21.85] } }
          ],
          "assignments": [ { "vehicle": "ROUTED", "route": "Road route" } ]
        }
        """;

    public static ScenarioMap Map { get; } = ScenarioFile.Parse(Json, "test");

    public static RuleEngine Engine(JurisdictionProfile? profile = null) => new(Map, profile ?? JurisdictionProfiles.Vietnam);

    public static VehicleInfo Car(string deviceId = "V1") => new(deviceId, "12A-000.01", VehicleClass.Car, "Operator", "D1");

    public static VehicleInfo Truck(string deviceId = "V1") => new(deviceId, "12C-000.02", VehicleClass.Truck, "Operator", "D2");
}
