using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Vehicles;

namespace Telematics.Rules.Profiles;

/// <summary>The built-in profiles: Vietnam 2024 (the default), EU 561/2006, US FMCSA.</summary>
public static class JurisdictionProfiles
{
    public const string Vietnam2024 = "vn-2024";
    public const string Eu561 = "eu-561";
    public const string UsFmcsa = "us-fmcsa";

    /// <summary>
    /// Circular 38/2024 limits outside residential areas on a divided road (the higher of its two
    /// columns): corridors, zones and routes set the real limit where it is lower.
    /// </summary>
    public static IReadOnlyDictionary<VehicleClass, double> VietnamDefaultLimits { get; } = new Dictionary<VehicleClass, double>
    {
        [VehicleClass.Unknown] = 90,
        [VehicleClass.Car] = 90,
        [VehicleClass.LightTruck] = 90,
        [VehicleClass.Coach] = 80,
        [VehicleClass.Truck] = 80,
        [VehicleClass.Bus] = 70,
        [VehicleClass.TractorSemitrailer] = 70,
        [VehicleClass.SpecialTruck] = 70,
        [VehicleClass.Motorcycle] = 70,
        [VehicleClass.Towing] = 60,
        [VehicleClass.Mixer] = 60,
        [VehicleClass.Tanker] = 60,
        [VehicleClass.Moped] = 40,
    };

    /// <summary>Decree 168/2024 Art. 6 (car and truck drivers): bands 5–10, 10–20, 20–35, &gt; 35 km/h over.</summary>
    public static IReadOnlyList<OverspeedBand> Decree168Bands { get; } =
    [
        new(5, "5-10", new FineRange(800_000, 1_000_000, 0), "Decree 168/2024 Art. 6.3.a"),
        new(10, "10-20", new FineRange(4_000_000, 6_000_000, 2), "Decree 168/2024 Art. 6.5.đ, 6.16.a"),
        new(20, "20-35", new FineRange(6_000_000, 8_000_000, 4), "Decree 168/2024 Art. 6.6.a, 6.16.b"),
        new(35, ">35", new FineRange(12_000_000, 14_000_000, 6), "Decree 168/2024 Art. 6.7.a, 6.16.c"),
    ];

    public static JurisdictionProfile Vietnam { get; } = new()
    {
        Name = Vietnam2024,
        TimeZoneId = "Asia/Ho_Chi_Minh",
        DefaultSpeedLimitKmh = VietnamDefaultLimits,
        Speeding = new SpeedingParameters { Bands = Decree168Bands },
        DrivingTime = new DrivingTimeProfile(),
    };

    public static JurisdictionProfile Eu { get; } = Vietnam with
    {
        Name = Eu561,
        TimeZoneId = "Europe/Brussels",
        Speeding = new SpeedingParameters { Bands = [new(5, "5-10", null, "national law"), new(10, "10-20", null, "national law"), new(20, "20-35", null, "national law"), new(35, ">35", null, "national law")] },
        DrivingTime = new DrivingTimeProfile
        {
            ContinuousLimit = TimeSpan.FromHours(4.5),
            BreakLength = TimeSpan.FromMinutes(45),
            SplitBreakFirst = TimeSpan.FromMinutes(15),
            SplitBreakSecond = TimeSpan.FromMinutes(30),
            DailyLimit = TimeSpan.FromHours(9),
            ExtendedDailyLimit = TimeSpan.FromHours(10),
            ExtendedDaysPerWeek = 2,
            DayBoundary = DayBoundary.AfterDailyRest,
            DailyRest = TimeSpan.FromHours(9), // a reduced daily rest (Art. 8(2)) still ends the driver's day
            WeeklyLimit = TimeSpan.FromHours(56),
            TwoWeekLimit = TimeSpan.FromHours(90),
            ContinuousReference = "Regulation (EC) 561/2006 Art. 7",
            DailyReference = "Regulation (EC) 561/2006 Art. 6(1)",
            WeeklyReference = "Regulation (EC) 561/2006 Art. 6(2)/6(3)",
            Fine = null,
        },
    };

    public static JurisdictionProfile Us { get; } = Vietnam with
    {
        Name = UsFmcsa,
        TimeZoneId = "America/Chicago",
        Speeding = Eu.Speeding,
        DrivingTime = new DrivingTimeProfile
        {
            IgnitionOnIsDuty = true,
            ContinuousLimit = TimeSpan.FromHours(8),
            BreakLength = TimeSpan.FromMinutes(30),
            DailyLimit = TimeSpan.FromHours(11),
            DayBoundary = DayBoundary.AfterDailyRest,
            DailyRest = TimeSpan.FromHours(10),
            DutyWindow = TimeSpan.FromHours(14),
            WeeklyLimit = TimeSpan.FromHours(60),
            WeeklyBasis = WeeklyBasis.RollingDays,
            RollingDays = 7,
            Restart = TimeSpan.FromHours(34),
            ContinuousReference = "49 CFR 395.3(a)(3)(ii)",
            DailyReference = "49 CFR 395.3(a)(3)(i)/(a)(2)",
            WeeklyReference = "49 CFR 395.3(b)",
            Fine = null,
        },
    };

    public static IReadOnlyList<JurisdictionProfile> All { get; } = [Vietnam, Eu, Us];

    public static JurisdictionProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
