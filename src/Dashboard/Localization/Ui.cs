using System.Globalization;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Hosting;
using Telematics.Rules.Profiles;

namespace Telematics.Dashboard.Localization;

/// <summary>
/// The current request's language (Vietnamese unless the <c>lang</c> cookie says English), its
/// texts, and how times and numbers are shown: times in the operators' zone, numbers in the
/// language's culture. Pages use it as <c>@T["key"]</c>.
/// </summary>
public sealed class Ui
{
    public const string LanguageCookie = "lang";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly Texts _texts;

    public Ui(Texts texts, IHttpContextAccessor http, IOptions<DashboardOptions> options)
    {
        _texts = texts;
        var cookie = http.HttpContext?.Request.Cookies[LanguageCookie];
        Language = cookie == "en" ? "en" : "vi";
        TimeZone = TimeZones.Find(options.Value.TimeZone);
    }

    /// <summary>"vi" or "en".</summary>
    public string Language { get; }

    public CultureInfo Culture => Language == "en" ? English : Vietnamese;

    public TimeZoneInfo TimeZone { get; }

    public string this[string key] => _texts.Get(key, Language);

    /// <summary>A UTC time in the operators' zone, e.g. 28/11/2026 14:05:09.</summary>
    public string Time(DateTime utc) => Local(utc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public string Date(DateTime utc) => Local(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A VND amount, e.g. 6.000.000 ₫.</summary>
    public string Vnd(long value) => value.ToString("N0", Vietnamese) + " ₫";

    /// <summary>A duration as 1 h 05 min or 45 s.</summary>
    public string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
        : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds:00} s"
        : $"{span.Seconds} s";
}
