namespace Telematics.Dashboard.Api;

/// <summary>What an agency's key may read. Every scope is read-only: the API changes nothing.</summary>
public static class ApiScopes
{
    /// <summary>Violation cases: lists, details, evidence.</summary>
    public const string CasesRead = "cases:read";

    /// <summary>The live last position of every vehicle.</summary>
    public const string PositionsRead = "positions:read";

    /// <summary>The claim type that carries a key's scopes.</summary>
    public const string ClaimType = "scope";

    public static IReadOnlyList<string> All { get; } = [CasesRead, PositionsRead];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
