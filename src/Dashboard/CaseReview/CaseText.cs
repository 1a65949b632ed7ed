using System.Globalization;
using Telematics.Dashboard.Localization;
using Telematics.Rules.Cases;
using Telematics.Rules.Positions;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// How a case reads in one language: kind and status names, the list's key measure
/// ("92 / 70 km/h", "3,2 km off route"), measured values with their labels and units, fines, the
/// legal reference and device alarms. One per request (the page's language), or Vietnamese for the
/// printed notice.
/// </summary>
public sealed class CaseText
{
    private readonly Texts _texts;

    public CaseText(Texts texts, string language, TimeZoneInfo zone)
    {
        _texts = texts;
        Language = language;
        Zone = zone;
        Culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "vi-VN");
    }

    public string Language { get; }

    public TimeZoneInfo Zone { get; }

    public CultureInfo Culture { get; }

    public string this[string key] => _texts.Get(key, Language);

    public string Kind(string kind) => this["cases.kind." + kind];

    public string Status(string status) => this["cases.status." + status];

    /// <summary>A history entry's action: a status it moved to, "raised", "assigned" or "comment".</summary>
    public string Action(string action) => this["cases.action." + action];

    public string Alarm(string name) => this["cases.alarm." + name];

    public IReadOnlyList<string> Alarms(DeviceAlarms alarms) => DeviceAlarmNames.ToNames(alarms).Select(Alarm).ToArray();

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Time(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public string Clock(DateTime utc) => Local(utc).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    public static string Vnd(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " ₫";

    /// <summary>A span as 4 h 35 min, 12 min 05 s or 45 s (as the rest of the dashboard writes them).</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
        : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds:00} s"
        : $"{span.Seconds} s";

    public string Distance(double metres) => metres >= 1000 ? Number(metres / 1000, 1) + " km" : Number(metres) + " m";

    /// <summary>The one figure that tells the case apart in the list.</summary>
    public string KeyMeasure(RaisedCase c)
    {
        var m = c.Measured;
        double? Get(string name) => m.TryGetValue(name, out var v) ? v : null;
        return c.Kind switch
        {
            CaseKinds.Speeding when Get("maxSpeedKmh") is { } max =>
                Get("limitKmh") is { } limit ? $"{Number(max)} / {Number(limit)} km/h" : $"{Number(max)} km/h",
            CaseKinds.RouteDeviation when Get("maxDistanceM") is { } off => Format("cases.key.off-route", Distance(off)),
            CaseKinds.CorridorStop when Get("durationS") is { } stopped => Format("cases.key.stopped", Duration(TimeSpan.FromSeconds(stopped))),
            CaseKinds.ContinuousDriving when Get("continuousH") is { } h => Duration(TimeSpan.FromHours(h)),
            CaseKinds.DailyDriving when Get("drivenH") is { } h => Duration(TimeSpan.FromHours(h)),
            CaseKinds.WeeklyDriving when (Get("drivenH") ?? Get("onDutyH")) is { } h => Duration(TimeSpan.FromHours(h)),
            _ => Duration(c.End - c.Start),
        };
    }

    /// <summary>Every measured value with its label, in the order the rule wrote them.</summary>
    public IReadOnlyList<(string Label, string Value)> Measured(RaisedCase c) =>
        c.Measured.Select(p => (this["cases.measure." + p.Key], MeasuredValue(p.Key, p.Value))).ToArray();

    public string MeasuredValue(string name, double value) => name switch
    {
        "meanSpeedKmh" => Number(value, 1) + " km/h",
        _ when name.EndsWith("Kmh", StringComparison.Ordinal) => Number(value) + " km/h",
        _ when name.EndsWith('S') && name != "days" => Duration(TimeSpan.FromSeconds(value)),
        _ when name.EndsWith('M') => Distance(value),
        _ when name.EndsWith('H') => Duration(TimeSpan.FromHours(value)),
        _ when name.EndsWith("Min", StringComparison.Ordinal) => Number(value) + " min",
        "dayLocal" or "weekLocal" => LocalDay(value),
        "overWeekLimit" or "overTwoWeekLimit" => this[value > 0 ? "cases.yes" : "cases.no"],
        _ => Number(value, value % 1 == 0 ? 0 : 1),
    };

    /// <summary>The fine range, e.g. "4.000.000 ₫ – 6.000.000 ₫".</summary>
    public static string FineRange(FineRange fine) => fine.MinVnd == fine.MaxVnd ? Vnd(fine.MinVnd) : $"{Vnd(fine.MinVnd)} – {Vnd(fine.MaxVnd)}";

    public string LicencePoints(FineRange fine) =>
        fine.LicencePoints > 0 ? Format("cases.fine.points", fine.LicencePoints.ToString(CultureInfo.InvariantCulture)) : this["cases.fine.nopoints"];

    /// <summary>The legal reference as the rule wrote it (English citations), with the instruments' names in Vietnamese for a Vietnamese reader.</summary>
    public string LegalReference(string reference) => Language == "en" ? reference : LegalReferenceText.Vietnamese(reference);

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    private static string LocalDay(double yyyymmdd)
    {
        var n = (int)yyyymmdd;
        return $"{n % 100:00}/{n / 100 % 100:00}/{n / 10000}";
    }
}
