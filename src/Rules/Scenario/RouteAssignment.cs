namespace Telematics.Rules.Scenario;

/// <summary>A vehicle (device id or plate) assigned to a route, optionally for a period (UTC).</summary>
public sealed record RouteAssignment(string Vehicle, string Route, DateTime? ValidFrom, DateTime? ValidTo)
{
    public bool IsValidAt(DateTime time) => (ValidFrom is null || time >= ValidFrom) && (ValidTo is null || time < ValidTo);
}
