using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.CaseReview;
using Telematics.Dashboard.Localization;
using Telematics.Ingest.Cases;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.Pages.Cases;

/// <summary>
/// The printable violation notice. Always in Vietnamese (an administrative document), whatever
/// the UI language; marked as a draft until the case is confirmed.
/// </summary>
public sealed class NoticeModel(SqliteCaseStore store, Texts texts, Ui ui, IOptions<CaseNoticeOptions> options, TimeProvider time) : PageModel
{
    /// <summary>At most this many evidence rows: the notice fits on one sheet.</summary>
    public const int EvidenceRows = 12;

    public StoredCase Case { get; private set; } = null!;

    public CaseText Vi { get; private set; } = null!;

    public CaseNoticeOptions Issuer => options.Value;

    public DateTime TodayLocal { get; private set; }

    /// <summary>Confirmed, or closed after a confirmation: the notice is final; otherwise it is a draft.</summary>
    public bool IsFinal =>
        Case.Status == CaseStatus.Confirmed
        || (Case.Status == CaseStatus.Closed && Case.History.LastOrDefault(h => h.Action is CaseStatus.Confirmed or CaseStatus.Dismissed)?.Action == CaseStatus.Confirmed);

    /// <summary>The evidence rows printed: all when few, else evenly spread with the first, the fastest and the last.</summary>
    public IReadOnlyList<EvidencePoint> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(CaseUrls.FromRoute(id), cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        Case = stored;
        Vi = new CaseText(texts, "vi", ui.TimeZone);
        TodayLocal = Vi.Local(time.GetUtcNow().UtcDateTime);
        Rows = Sample(stored.Case.Evidence);
        return Page();
    }

    private static IReadOnlyList<EvidencePoint> Sample(IReadOnlyList<EvidencePoint> points)
    {
        if (points.Count <= EvidenceRows)
        {
            return points;
        }

        var picked = new SortedSet<int> { 0, points.Count - 1 };
        var fastest = 0;
        for (var i = 1; i < points.Count; i++)
        {
            fastest = points[i].SpeedKmh > points[fastest].SpeedKmh ? i : fastest;
        }

        picked.Add(fastest);
        for (var k = 1; picked.Count < EvidenceRows; k++)
        {
            picked.Add((int)Math.Round(k * (points.Count - 1) / (double)(EvidenceRows - 2)));
        }

        return picked.Select(i => points[i]).ToArray();
    }
}
