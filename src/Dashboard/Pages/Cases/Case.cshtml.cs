using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.CaseReview;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Pages.Cases;

/// <summary>
/// One case: its evidence, values, law and history for everyone; the review actions (assign,
/// confirm, dismiss with a reason, comment, close) for officers and admins. A monitor's POST gets
/// 403. A refused action shows why and changes nothing; a done one redirects back (no resubmit
/// on reload) with a confirmation.
/// </summary>
public sealed class CaseModel(SqliteCaseStore store, OfficerDirectory officers, CaseText text, TimeProvider time, ILogger<CaseModel> logger) : PageModel
{
    public StoredCase Case { get; private set; } = null!;

    public bool CanAct => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    public IReadOnlyList<string> Officers { get; private set; } = [];

    /// <summary>The text key of what was just done (from the redirect's query string).</summary>
    public string? Done { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Assignee { get; set; }

    public bool Allows(string status) => CaseTransitions.IsAllowed(Case.Status, status);

    public bool Assignable => CaseTransitions.Assignable.Contains(Case.Status);

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Done = done is "assigned" or "comment" || CaseTransitions.Statuses.Contains(done) ? done : null;
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "assign", async actor =>
        {
            var assignee = string.IsNullOrWhiteSpace(Assignee) ? null : Assignee.Trim();
            if (assignee is null || !officers.IsOfficer(assignee))
            {
                return (null, text.Format("cases.error.assignee", assignee ?? "—"));
            }

            return (await store.AssignAsync(Case.Id, assignee, actor, Now, cancellationToken), null);
        }, SqliteCaseStore.AssignedAction);

    public Task<IActionResult> OnPostConfirmAsync(string id, CancellationToken cancellationToken) => StatusAsync(id, CaseStatus.Confirmed, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(string id, CancellationToken cancellationToken) => StatusAsync(id, CaseStatus.Dismissed, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken cancellationToken) => StatusAsync(id, CaseStatus.Closed, cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(string id, CancellationToken cancellationToken) =>
        ActAsync(id, "comment", async actor => (await store.CommentAsync(Case.Id, actor, Note, Now, cancellationToken), null), SqliteCaseStore.CommentAction);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<IActionResult> StatusAsync(string id, string status, CancellationToken cancellationToken) =>
        ActAsync(id, status, async actor => (await store.SetStatusAsync(Case.Id, status, actor, Note, Now, cancellationToken), null), status);

    /// <summary>Checks the role, loads the case, runs the action and answers: redirect when done, the page with the reason when refused.</summary>
    private async Task<IActionResult> ActAsync(string id, string action, Func<string, Task<(CaseChange? Change, string? Refusal)>> run, string done)
    {
        if (!CanAct)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!await LoadAsync(id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        var actor = User.Identity!.Name!;
        var (change, refusal) = await run(actor);
        if (change is { Applied: true })
        {
            CaseReviewLog.Acted(logger, actor, action, Case.Id, change.Status);
            return Redirect(CaseUrls.Page(Case.Id) + "?done=" + Uri.EscapeDataString(done));
        }

        if (change is { Outcome: CaseChangeOutcome.NotFound })
        {
            return NotFound();
        }

        CaseReviewLog.Refused(logger, actor, action, Case.Id, change?.Outcome.ToString() ?? "bad input", change?.Status ?? Case.Status);
        Error = refusal ?? Refusal(action, change!);
        Response.StatusCode = change?.Outcome == CaseChangeOutcome.NotAllowed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await LoadAsync(id, HttpContext.RequestAborted);
        return Page();
    }

    private string Refusal(string action, CaseChange change) => change.Outcome switch
    {
        CaseChangeOutcome.NoteRequired => text[action == CaseStatus.Dismissed ? "cases.error.reason" : "cases.error.note"],
        _ => text.Format("cases.error.transition", text["cases.verb." + action], text.Status(change.Status ?? Case.Status)),
    };

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(CaseUrls.FromRoute(id), cancellationToken);
        if (stored is null)
        {
            return false;
        }

        Case = stored;
        Officers = CanAct ? officers.Names() : [];
        return true;
    }
}
