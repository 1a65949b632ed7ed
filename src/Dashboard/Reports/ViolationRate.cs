namespace Telematics.Dashboard.Reports;

/// <summary>
/// Speeding violations per 1,000 km in a month, and the badge-withdrawal threshold (Decree
/// 10/2020: 5 or more per 1,000 km in a month and the vehicle's badge — phù hiệu — is withdrawn).
/// Only speeding counts. Under 1,000 km the count itself is the rate, as the providers' reports
/// compute it, so that a vehicle that barely moved does not get an absurd rate.
/// </summary>
public static class ViolationRate
{
    public const double BadgeWithdrawalThreshold = 5;

    public static double PerThousandKm(int speeding, double km) => km >= 1000 ? speeding * 1000 / km : speeding;

    public static bool WithdrawsBadge(int speeding, double km) => PerThousandKm(speeding, km) >= BadgeWithdrawalThreshold;
}
