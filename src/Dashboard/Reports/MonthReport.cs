namespace Telematics.Dashboard.Reports;

/// <summary>Case counts of one vehicle (or operator) in a month, by what the report shows.</summary>
public sealed record CaseCounts(int Speeding, int ContinuousDriving, int DailyDriving, int WeeklyDriving)
{
    public static CaseCounts None { get; } = new(0, 0, 0, 0);

    public int DrivingTime => ContinuousDriving + DailyDriving + WeeklyDriving;

    public CaseCounts Add(CaseCounts other) => new(Speeding + other.Speeding, ContinuousDriving + other.ContinuousDriving, DailyDriving + other.DailyDriving, WeeklyDriving + other.WeeklyDriving);
}

/// <summary>One vehicle's month: kilometres, cases, and its speeding rate against the threshold.</summary>
public sealed record VehicleMonth(string DeviceId, string? Plate, string? Operator, double Km, CaseCounts Cases)
{
    public double PerThousandKm => ViolationRate.PerThousandKm(Cases.Speeding, Km);

    public bool WithdrawsBadge => ViolationRate.WithdrawsBadge(Cases.Speeding, Km);
}

/// <summary>One operator's month: its vehicles' sums and how many of them reach the threshold.</summary>
public sealed record OperatorMonth(string? Operator, int Vehicles, double Km, CaseCounts Cases, int VehiclesOverThreshold)
{
    public double PerThousandKm => ViolationRate.PerThousandKm(Cases.Speeding, Km);
}

/// <summary>The monthly report: vehicles by rate, operators by kilometres.</summary>
public sealed record MonthReport(ReportMonth Month, IReadOnlyList<OperatorMonth> Operators, IReadOnlyList<VehicleMonth> Vehicles)
{
    public double Km => Vehicles.Sum(v => v.Km);

    public CaseCounts Cases => Vehicles.Aggregate(CaseCounts.None, (sum, v) => sum.Add(v.Cases));

    public int VehiclesOverThreshold => Vehicles.Count(v => v.WithdrawsBadge);
}
