using Telematics.Rules.Cases;

namespace Telematics.Ingest.Cases;

/// <summary>A case as the store has it: what the rule raised, its status, who it is assigned to, and its history.</summary>
public sealed record StoredCase(RaisedCase Case, string Status, DateTime CreatedUtc, IReadOnlyList<CaseHistoryEntry> History)
{
    public string Id => Case.CaseId;

    /// <summary>The officer reviewing the case, when assigned.</summary>
    public string? Assignee { get; init; }
}

/// <summary>One line of a case's append-only history: who did what, when.</summary>
public sealed record CaseHistoryEntry(DateTime AtUtc, string Actor, string Action, string? Note);
