using Telematics.Rules.Cases;

namespace Telematics.Ingest.Cases;

/// <summary>
/// The review's status machine: open → in-review → confirmed | dismissed → closed. An officer
/// reviewing directly may confirm or dismiss an open case; nothing returns to open and nothing
/// leaves closed. Assigning is possible while the case is still under review (open, in-review).
/// </summary>
public static class CaseTransitions
{
    public static IReadOnlyList<string> Statuses { get; } =
        [CaseStatus.Open, CaseStatus.InReview, CaseStatus.Confirmed, CaseStatus.Dismissed, CaseStatus.Closed];

    /// <summary>The statuses a case can be assigned (or reassigned) in.</summary>
    public static IReadOnlyList<string> Assignable { get; } = [CaseStatus.Open, CaseStatus.InReview];

    /// <summary>The statuses from which a case may move to <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> From(string target) => target switch
    {
        CaseStatus.InReview => [CaseStatus.Open],
        CaseStatus.Confirmed or CaseStatus.Dismissed => [CaseStatus.Open, CaseStatus.InReview],
        CaseStatus.Closed => [CaseStatus.Confirmed, CaseStatus.Dismissed],
        _ => [],
    };

    public static bool IsAllowed(string from, string to) => From(to).Contains(from, StringComparer.Ordinal);

    /// <summary>Whether the move to <paramref name="target"/> must say why (a dismissal does).</summary>
    public static bool NeedsNote(string target) => target == CaseStatus.Dismissed;
}
