namespace Telematics.Rules.DrivingTime;

/// <summary>How the weekly limit is counted.</summary>
public enum WeeklyBasis
{
    /// <summary>Driving time per fixed week, Monday 00:00 to Sunday 24:00 local (VN, EU).</summary>
    FixedWeek,

    /// <summary>On-duty time over the last <see cref="DrivingTimeProfile.RollingDays"/> calendar days, driving beyond it is the violation (US).</summary>
    RollingDays,
}
