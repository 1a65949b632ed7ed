using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Tests.Vehicles;

public sealed class VehicleClassNamesTests
{
    [Theory]
    [InlineData(VehicleClass.TractorSemitrailer, "tractor-semitrailer")]
    [InlineData(VehicleClass.LightTruck, "light-truck")]
    [InlineData(VehicleClass.Truck, "truck")]
    public void Classes_are_spelled_in_kebab_case_and_parse_back(VehicleClass vehicleClass, string name)
    {
        Assert.Equal(name, VehicleClassNames.ToName(vehicleClass));
        Assert.True(VehicleClassNames.TryParse(name, out var parsed));
        Assert.Equal(vehicleClass, parsed);
    }

    [Fact]
    public void An_unknown_name_does_not_parse()
    {
        Assert.False(VehicleClassNames.TryParse("spaceship", out var parsed));
        Assert.Equal(VehicleClass.Unknown, parsed);
    }
}
