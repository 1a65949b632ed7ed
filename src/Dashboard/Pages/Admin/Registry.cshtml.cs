using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Admin;
using Telematics.Ingest.Registry;

namespace Telematics.Dashboard.Pages.Admin;

/// <summary>
/// <c>/admin/registry</c>: the device registry of the in-process worker (which vehicle and operator
/// each device belongs to), and the upload of a replacement devices.json. Standalone dashboards
/// have no worker here: the page says so.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class RegistryModel(IServiceProvider services, ILogger<RegistryModel> logger) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The worker's registry; null in standalone mode.</summary>
    public DeviceRegistry? Registry { get; } = services.GetService<DeviceRegistry>();

    public IReadOnlyList<DeviceEntry> Entries { get; private set; } = [];

    /// <summary>Why the file on disk does not parse (the worker keeps its previous snapshot).</summary>
    public string? FileError { get; private set; }

    public DateTime? FileWrittenUtc { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Entries.Count + PageSize - 1) / PageSize);

    public string? Error { get; private set; }

    /// <summary>The parser's reason when an upload was refused.</summary>
    public string? ErrorDetail { get; private set; }

    public int? Replaced { get; private set; }

    public void OnGet(int p = 1, int? replaced = null)
    {
        Replaced = replaced;
        Load(p);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (Registry is null)
        {
            return NotFound();
        }

        var (text, readError) = await UploadedText.ReadAsync(file, cancellationToken);
        if (text is null)
        {
            return Refused(readError!, null);
        }

        var (entries, parseError) = RegistryAdmin.Replace(Registry.FilePath, text);
        if (entries is null)
        {
            LogRefused(User.Identity!.Name!, file!.FileName, parseError!);
            return Refused("admin.registry.error.invalid", parseError);
        }

        LogReplaced(User.Identity!.Name!, Registry.FilePath, entries.Count);
        return RedirectToPage(new { replaced = entries.Count });
    }

    private PageResult Refused(string error, string? detail)
    {
        Error = error;
        ErrorDetail = detail;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Load(1);
        return Page();
    }

    private void Load(int page)
    {
        if (Registry is null)
        {
            return;
        }

        (Entries, FileError) = RegistryAdmin.Read(Registry.FilePath);
        FileWrittenUtc = System.IO.File.Exists(Registry.FilePath) ? System.IO.File.GetLastWriteTimeUtc(Registry.FilePath) : null;
        PageNumber = Math.Clamp(page, 1, Pages);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} replaced the device registry {Path}: {Count} devices")]
    private partial void LogReplaced(string admin, string path, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Admin} uploaded a device registry {File} that was refused: {Reason}")]
    private partial void LogRefused(string admin, string file, string reason);
}
