using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Telematics.Dashboard.Api;

namespace Telematics.Dashboard.Pages.Api;

/// <summary><c>/api</c>: the agency API explained to people — how to get a key, the endpoints, paging, errors, limits and a curl example.</summary>
public sealed class IndexModel(IOptionsMonitor<ApiOptions> options) : PageModel
{
    public int RequestsPerMinute => options.CurrentValue.RequestsPerMinute;

    /// <summary>This dashboard's own address, for examples that work when pasted.</summary>
    public string BaseUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    public void OnGet()
    {
    }
}
