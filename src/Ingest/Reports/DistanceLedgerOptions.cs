namespace Telematics.Ingest.Reports;

/// <summary>Section <c>Telematics:Reports</c>: how kilometres driven are counted for the monthly reports.</summary>
public sealed class DistanceLedgerOptions
{
    public const string Section = "Telematics:Reports";

    /// <summary>The zone whose calendar days the kilometres are counted in (the operators' zone).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>How often the counted metres are written to the table (they are always written at shutdown).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A step between two positions faster than this is a jump the filters let through, not driving: not counted.</summary>
    public double MaxImpliedSpeedKmh { get; set; } = 200;
}
