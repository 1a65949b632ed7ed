namespace Telematics.Rules.Cases;

/// <summary>The kinds of violation case, as stored, exported and filtered on.</summary>
public static class CaseKinds
{
    public const string Speeding = "speeding";
    public const string RouteDeviation = "route-deviation";
    public const string ContinuousDriving = "continuous-driving";
    public const string DailyDriving = "daily-driving";
    public const string WeeklyDriving = "weekly-driving";
    public const string CorridorStop = "corridor-stop";

    public static IReadOnlyList<string> All { get; } =
        [Speeding, RouteDeviation, ContinuousDriving, DailyDriving, WeeklyDriving, CorridorStop];
}
