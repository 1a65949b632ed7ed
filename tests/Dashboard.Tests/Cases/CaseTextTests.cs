using Telematics.Dashboard.CaseReview;
using Telematics.Dashboard.Localization;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;
using Telematics.Rules.Positions;
using Telematics.Rules.Vehicles;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Tests.Cases;

public sealed class CaseTextTests
{
    private static readonly Texts Texts = new();
    private static readonly TimeZoneInfo Hanoi = TimeZones.Find("Asia/Ho_Chi_Minh");

    public static TheoryData<string> EveryNamedValue()
    {
        var keys = new TheoryData<string>();
        foreach (var kind in CaseKinds.All)
        {
            keys.Add("cases.kind." + kind);
        }

        foreach (var status in CaseTransitions.Statuses)
        {
            keys.Add("cases.status." + status);
            keys.Add("cases.action." + status);
            keys.Add("cases.done." + status);
        }

        foreach (var alarm in Enum.GetValues<DeviceAlarms>().Where(a => a != DeviceAlarms.None).SelectMany(DeviceAlarmNames.ToNames))
        {
            keys.Add("cases.alarm." + alarm);
        }

        foreach (var vehicleClass in VehicleClassNames.AllNames)
        {
            keys.Add("cases.class." + vehicleClass);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(EveryNamedValue))]
    public void Every_kind_status_alarm_and_vehicle_class_has_a_text_in_both_languages(string key)
    {
        Assert.Contains(key, Texts.Keys);
    }

    [Theory]
    [InlineData("Decree 168/2024 Art. 6.5.đ, 6.16.a; Circular 38/2024/TT-BGTVT", "điểm đ khoản 5 Điều 6, điểm a khoản 16 Điều 6 Nghị định 168/2024; Thông tư 38/2024/TT-BGTVT")]
    [InlineData("Law 36/2024 Art. 64(1); Decree 168/2024 Art. 21.5.b (goods) / 20.6.d (passenger)", "khoản 1 Điều 64 Luật 36/2024; điểm b khoản 5 Điều 21 (xe chở hàng) / điểm d khoản 6 Điều 20 (xe chở khách) Nghị định 168/2024")]
    [InlineData("Circular 38/2024/TT-BGTVT (speed limit)", "Thông tư 38/2024/TT-BGTVT (tốc độ tối đa)")]
    [InlineData("Regulation (EC) 561/2006 Art. 7", "Regulation (EC) 561/2006 Art. 7")]
    public void Legal_references_read_as_Vietnamese_documents_cite_them(string reference, string vietnamese)
    {
        Assert.Equal(vietnamese, LegalReferenceText.Vietnamese(reference));
    }

    [Fact]
    public void The_key_measure_tells_each_kind_apart()
    {
        var vi = new CaseText(Texts, "vi", Hanoi);
        var en = new CaseText(Texts, "en", Hanoi);
        RaisedCase Case(string kind, params (string, double)[] measured) => new()
        {
            Kind = kind,
            DeviceId = "d",
            Start = SampleCases.Start,
            End = SampleCases.Start.AddHours(5),
            LegalReference = "x",
            Measured = measured.ToDictionary(m => m.Item1, m => m.Item2),
        };

        Assert.Equal("92 / 70 km/h", vi.KeyMeasure(SampleCases.Speeding()));
        Assert.Equal("lệch 3,2 km khỏi lộ trình", vi.KeyMeasure(Case(CaseKinds.RouteDeviation, ("maxDistanceM", 3240))));
        Assert.Equal("850 m off route", en.KeyMeasure(Case(CaseKinds.RouteDeviation, ("maxDistanceM", 850))));
        Assert.Equal("4 h 35 min", vi.KeyMeasure(Case(CaseKinds.ContinuousDriving, ("continuousH", 4 + (35 / 60.0)))));
        Assert.Equal("10 h 20 min", vi.KeyMeasure(Case(CaseKinds.DailyDriving, ("drivenH", 10 + (20 / 60.0)))));
        Assert.Equal("49 h 00 min", vi.KeyMeasure(Case(CaseKinds.WeeklyDriving, ("drivenH", 49))));
        Assert.Equal("28/11/2026", vi.MeasuredValue("dayLocal", 20261128));
    }
}
