namespace Telematics.Dashboard.Accounts;

/// <summary>An account of the dashboard: its name, role and password hash (never the password).</summary>
public sealed record DashboardUser(string Name, string Role, string PasswordHash, DateTime CreatedUtc, bool Disabled);
