using Telematics.Rules.Cases;
using Telematics.Rules.DrivingTime;
using Telematics.Rules.Positions;
using Telematics.Rules.Profiles;
using Telematics.Rules.Vehicles;
using static Telematics.Rules.Tests.DrivingTime.Track;

namespace Telematics.Rules.Tests.DrivingTime;

public sealed class CaseFieldTests
{
    [Fact]
    public void A_vn_case_names_driver_vehicle_law_fine_and_a_few_evidence_points()
    {
        var track = At("2025-01-06T08:00:00+07:00").Drive(H(2)).Drive(H(2.5), alarms: DeviceAlarms.FatigueDriving).Stop(M(20));

        var only = Assert.Single(Replay.Run(track.Records, JurisdictionProfiles.Vietnam));

        Assert.Equal(CaseKinds.ContinuousDriving, only.Kind);
        Assert.Equal("continuous-driving:driver-D-1:20250106T010000Z", only.CaseId);
        Assert.Equal(("dev-1", "12C-345.67", "truck", "Lang Son Logistics", "D-1"), (only.DeviceId, only.Plate, only.VehicleClass, only.Operator, only.DriverId));
        Assert.Equal(new FineRange(3_000_000, 5_000_000, 2), only.Fine);
        Assert.Equal("Law 36/2024 Art. 64(1); Decree 168/2024 Art. 21.5.b (goods) / 20.6.d (passenger)", only.LegalReference);
        Assert.Equal(DeviceAlarms.FatigueDriving, only.DeviceAlarms);
        Assert.Equal([Utc("2025-01-06T08:00:00+07:00"), Utc("2025-01-06T12:00:30+07:00"), Utc("2025-01-06T12:30:00+07:00")], only.Evidence.Select(e => e.Time));
        Assert.All(only.Evidence, e => Assert.Equal(21.85, e.Lat));
    }

    [Fact]
    public void Eu_and_us_cases_cite_their_regulation_and_carry_no_vnd_fine()
    {
        var track = At("2025-01-06T06:00:00+01:00").Drive(H(9)).Stop(M(45));

        var eu = Assert.Single(Replay.Run(track.Records, JurisdictionProfiles.Eu));
        var us = Assert.Single(Replay.Run(track.Records, JurisdictionProfiles.Us));

        Assert.Equal(("Regulation (EC) 561/2006 Art. 7", (FineRange?)null), (eu.LegalReference, eu.Fine));
        Assert.Equal(("49 CFR 395.3(a)(3)(ii)", (FineRange?)null), (us.LegalReference, us.Fine));
    }

    [Fact]
    public void The_driver_key_prefers_the_reported_driver_then_the_registry_then_the_vehicle()
    {
        var record = new PositionRecord { DeviceId = "dev-9", Time = DateTime.UnixEpoch };
        var withDriver = new VehicleInfo("dev-9", null, VehicleClass.Truck, null, "REG-7");
        var without = VehicleInfo.Unknown("dev-9");

        Assert.Equal("CARD-1", DrivingTimeRule.DriverKey(record with { DriverId = "CARD-1" }, withDriver));
        Assert.Equal("REG-7", DrivingTimeRule.DriverKey(record, withDriver));
        Assert.Equal("dev-9", DrivingTimeRule.DriverKey(record, without));
    }

    [Fact]
    public void Without_any_driver_the_case_is_the_vehicles()
    {
        var track = At("2025-01-06T08:00:00+07:00", driverId: null).Drive(H(5));

        var only = Assert.Single(Replay.Run(track.Records, JurisdictionProfiles.Vietnam));

        Assert.Null(only.DriverId);
        Assert.Equal("continuous-driving:dev-1:20250106T010000Z", only.CaseId);
    }

    [Fact]
    public void A_registry_driver_names_the_case_when_the_device_reports_none()
    {
        var track = At("2025-01-06T08:00:00+07:00", driverId: null).Drive(H(5));
        var vehicle = Replay.Truck with { Driver = "REG-7" };

        var only = Assert.Single(Replay.Run(track.Records, JurisdictionProfiles.Vietnam, vehicle: vehicle));

        Assert.Equal("continuous-driving:driver-REG-7:20250106T010000Z", only.CaseId);
    }

    [Fact]
    public void Two_drivers_sharing_a_truck_are_counted_apart()
    {
        // D-1 drives 3 h, D-2 takes over at once for 3 h: 6 h of the truck, nobody over 4 h.
        var first = At("2025-01-06T08:00:00+07:00").Drive(H(3));
        var second = At("2025-01-06T11:00:00+07:00", driverId: "D-2").Drive(H(3)).Stop(M(20));

        Assert.Empty(Replay.Run(first.Records.Concat(second.Records), JurisdictionProfiles.Vietnam));
    }

    [Fact]
    public void Flush_does_not_raise_an_episode_twice_when_driving_goes_on()
    {
        var records = At("2025-01-06T08:00:00+07:00").Drive(H(5)).Stop(M(20)).Records;
        var raised = new List<RaisedCase>();
        var state = default(DrivingTimeState);
        foreach (var r in records.Take(records.Count / 2))
        {
            state = DrivingTimeRule.Step(state, r, Replay.Truck, JurisdictionProfiles.Vietnam, raised);
        }

        state = DrivingTimeRule.Flush(state, Replay.Truck, JurisdictionProfiles.Vietnam, raised);
        foreach (var r in records.Skip(records.Count / 2))
        {
            state = DrivingTimeRule.Step(state, r, Replay.Truck, JurisdictionProfiles.Vietnam, raised);
        }

        DrivingTimeRule.Flush(state, Replay.Truck, JurisdictionProfiles.Vietnam, raised);

        Assert.Single(raised);
    }
}
