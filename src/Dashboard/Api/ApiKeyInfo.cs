namespace Telematics.Dashboard.Api;

/// <summary>
/// An agency's API key as the store keeps it: never the key itself, only its SHA-256 hash and its
/// first characters (<see cref="Prefix"/>) so that an administrator can tell keys apart.
/// </summary>
public sealed record ApiKeyInfo(
    long Id,
    string Agency,
    IReadOnlyList<string> Scopes,
    string Prefix,
    DateTime CreatedUtc,
    string? CreatedBy,
    DateTime? LastUsedUtc,
    DateTime? RevokedUtc,
    string? RevokedBy)
{
    public bool Revoked => RevokedUtc is not null;

    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

/// <summary>A key just made: the key in clear, shown once and never stored, and what the store keeps of it.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
