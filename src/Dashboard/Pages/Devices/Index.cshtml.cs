using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Devices;

namespace Telematics.Dashboard.Pages.Devices;

/// <summary>
/// Connected and silent devices: silent registered devices first (operators are fined for a
/// device that stops reporting), filterable by protocol, status and a search over device id,
/// plate, operator and address; 100 a page.
/// </summary>
public sealed class IndexModel(DeviceSource source, IOptions<DeviceMonitorOptions> options, TimeProvider time) : PageModel
{
    public const int PageSize = 100;
    public static readonly IReadOnlyList<string> Statuses = ["all", "silent", "connected", "disconnected"];

    [FromQuery(Name = "protocol")]
    public string? Protocol { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public TimeSpan SilentAfter => options.Value.SilentAfter;

    public bool WorkerUnreachable { get; private set; }

    public IReadOnlyList<string> Protocols { get; private set; } = [];

    public IReadOnlyList<DeviceRow> Rows { get; private set; } = [];

    public int Matching { get; private set; }

    public int Total { get; private set; }

    public int ConnectedCount { get; private set; }

    public int SilentCount { get; private set; }

    public long BadFrames { get; private set; }

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Status = string.IsNullOrEmpty(Status) ? "all" : Status;
        if (!ModelState.IsValid || !Statuses.Contains(Status) || PageNumber < 1 || Search?.Length > 100)
        {
            return BadRequest();
        }

        var devices = await source.ListAsync(cancellationToken);
        if (devices is null)
        {
            WorkerUnreachable = true;
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = devices.Select(d => DeviceRow.Of(d, now, SilentAfter)).ToList();
        Total = rows.Count;
        ConnectedCount = rows.Count(r => r.Device.Connected);
        SilentCount = rows.Count(r => r.Silent);
        BadFrames = rows.Sum(r => r.Device.BadFrames);
        Protocols = rows.Select(r => r.Device.Protocol).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var matching = rows.Where(Matches)
            .OrderByDescending(r => r.Silent)
            .ThenByDescending(r => r.SilentFor ?? TimeSpan.MaxValue)
            .ThenByDescending(r => r.Device.LastSeenUtc)
            .ThenBy(r => r.Device.DeviceId, StringComparer.Ordinal)
            .ToList();
        Matching = matching.Count;
        Rows = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    public string PageUrl(int page) => QueryHelpers(page);

    private bool Matches(DeviceRow row)
    {
        var d = row.Device;
        if (!string.IsNullOrEmpty(Protocol) && !string.Equals(d.Protocol, Protocol, StringComparison.Ordinal))
        {
            return false;
        }

        var statusOk = Status switch
        {
            "silent" => row.Silent,
            "connected" => d.Connected,
            "disconnected" => !d.Connected,
            _ => true,
        };
        if (!statusOk)
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(Search))
        {
            return true;
        }

        var q = Search.Trim();
        return Contains(d.DeviceId, q) || Contains(d.Plate, q) || Contains(d.Operator, q) || Contains(d.Remote, q);
    }

    private static bool Contains(string? text, string q) => text?.Contains(q, StringComparison.CurrentCultureIgnoreCase) == true;

    private string QueryHelpers(int page)
    {
        var query = new Dictionary<string, string?> { ["protocol"] = Protocol, ["q"] = Search, ["status"] = Status, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/devices", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
