using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Admin;
using Telematics.Ingest.Violations;
using Telematics.Rules.Scenario;

namespace Telematics.Dashboard.Pages.Admin;

/// <summary>
/// <c>/admin/scenario</c>: the scenario the in-process rules use (name, file, zones by kind, the
/// last reload error), and the upload of a replacement GeoJSON, built first as the rules will build
/// it. Standalone dashboards have no rules here: the page says so.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class ScenarioModel(IServiceProvider services, IOptions<RulesOptions> rules, ILogger<ScenarioModel> logger) : PageModel
{
    /// <summary>The worker's scenario source; null in standalone mode.</summary>
    public ScenarioSource? Source { get; } = services.GetService<ScenarioSource>();

    public ScenarioMap? Map => Source?.Engine.Map;

    /// <summary>The file the rules read, or where an upload goes when none was found at start.</summary>
    public string FilePath => Source?.Path ?? System.IO.Path.GetFullPath(rules.Value.Scenario);

    public string? Error { get; private set; }

    public string? ErrorDetail { get; private set; }

    public string? Replaced { get; private set; }

    /// <summary>No scenario was found at start, so the source watches no file: an upload takes effect at the next start.</summary>
    public bool RestartNeeded => Source is not null && Source.Path is null;

    public void OnGet(string? replaced = null) => Replaced = replaced;

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (Source is null)
        {
            return NotFound();
        }

        var (text, readError) = await UploadedText.ReadAsync(file, cancellationToken);
        if (text is null)
        {
            return Refused(readError!, null);
        }

        var (map, parseError) = ScenarioAdmin.Replace(FilePath, text, file!.FileName);
        if (map is null)
        {
            LogRefused(User.Identity!.Name!, file.FileName, parseError!);
            return Refused("admin.scenario.error.invalid", parseError);
        }

        LogReplaced(User.Identity!.Name!, FilePath, map.Name, map.Zones.Count);
        return RedirectToPage(new { replaced = map.Name });
    }

    private PageResult Refused(string error, string? detail)
    {
        Error = error;
        ErrorDetail = detail;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} replaced the scenario {Path} with {Name} ({Zones} zones)")]
    private partial void LogReplaced(string admin, string path, string name, int zones);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Admin} uploaded a scenario {File} that was refused: {Reason}")]
    private partial void LogRefused(string admin, string file, string reason);
}
