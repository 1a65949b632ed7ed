namespace Telematics.Dashboard.Accounts;

/// <summary>
/// The three roles: a monitor only reads; an officer also reviews cases; an admin also manages
/// accounts, API keys, the registry and the scenario. Each role includes the ones before it.
/// </summary>
public static class Roles
{
    public const string Monitor = "monitor";
    public const string Officer = "officer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Monitor, Officer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorization policy names; pages and endpoints require one of them.</summary>
public static class Policies
{
    /// <summary>Any signed-in account.</summary>
    public const string Monitor = "monitor";

    /// <summary>Officers and admins: case review actions.</summary>
    public const string Officer = "officer";

    /// <summary>Admins only.</summary>
    public const string Admin = "admin";
}
