namespace Telematics.Rules.Vehicles;

/// <summary>
/// Vehicle classes as Circular 38/2024/TT-BGTVT groups them for speed limits
/// (see shared/reference/regulation.md, "Speed limits"). The JSON names are kebab-case.
/// </summary>
public enum VehicleClass
{
    /// <summary>Not known (unknown device, or no class in the registry).</summary>
    Unknown = 0,
    /// <summary>Cars and passenger vehicles of up to 28 seats (not buses).</summary>
    Car,
    /// <summary>Trucks of up to 3.5 t.</summary>
    LightTruck,
    /// <summary>Passenger vehicles of more than 28 seats (not buses).</summary>
    Coach,
    /// <summary>Trucks over 3.5 t (not tankers).</summary>
    Truck,
    /// <summary>Buses.</summary>
    Bus,
    /// <summary>Tractor with semi-trailer (not tanker).</summary>
    TractorSemitrailer,
    /// <summary>Special-purpose trucks (not mixers).</summary>
    SpecialTruck,
    /// <summary>Motorcycles.</summary>
    Motorcycle,
    /// <summary>Car towing a trailer or another vehicle.</summary>
    Towing,
    /// <summary>Mortar and concrete mixers.</summary>
    Mixer,
    /// <summary>Tankers, including tanker semi-trailers and trailers.</summary>
    Tanker,
    /// <summary>Mopeds and special-use machines.</summary>
    Moped,
}
