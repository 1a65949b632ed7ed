namespace Telematics.Ingest.Cases;

/// <summary>What became of a review action on a case.</summary>
public enum CaseChangeOutcome
{
    /// <summary>Done, and recorded in the case's history.</summary>
    Applied,

    /// <summary>No case has that id.</summary>
    NotFound,

    /// <summary>The case's status does not allow the action; nothing changed.</summary>
    NotAllowed,

    /// <summary>The action needs a note (a dismissal's reason, a comment's text) and had none; nothing changed.</summary>
    NoteRequired,
}

/// <summary>The outcome of a review action and the case's status after it (the unchanged status when refused; null when not found).</summary>
public sealed record CaseChange(CaseChangeOutcome Outcome, string? Status)
{
    public bool Applied => Outcome == CaseChangeOutcome.Applied;
}
