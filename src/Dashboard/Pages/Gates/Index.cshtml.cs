using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.Gates;
using Telematics.Dashboard.Localization;

namespace Telematics.Dashboard.Pages.Gates;

/// <summary>The border gates' queues now and over the day; the page script refreshes them every 10 s from /gates/data.</summary>
public sealed class IndexModel(GateCards cards, Ui ui, TimeProvider time) : PageModel
{
    public GateBoardSnapshot Board { get; private set; } = null!;

    public void OnGet() => Board = cards.Build(time.GetUtcNow().UtcDateTime, ui.Language);

    public static string Minutes(Ui t, TimeSpan? span) => span is { } s ? t.Number(s.TotalMinutes, 1) : "—";
}
