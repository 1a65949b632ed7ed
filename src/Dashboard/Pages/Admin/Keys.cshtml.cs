using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Api;

namespace Telematics.Dashboard.Pages.Admin;

/// <summary>
/// <c>/admin/keys</c>: the agencies' API keys with their scopes and last use; create one (the key
/// is shown in this answer only, never again), revoke one.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed partial class KeysModel(ApiKeyStore keys, ILogger<KeysModel> logger) : PageModel
{
    public IReadOnlyList<ApiKeyInfo> Keys { get; private set; } = [];

    /// <summary>The key just created, in clear: rendered once in the answer to the create form.</summary>
    public CreatedApiKey? Created { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? Agency { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [BindProperty]
    public long Id { get; set; }

    public void OnGet(string? done)
    {
        Done = done == "revoked" ? "admin.keys.done.revoked" : null;
        Keys = keys.List();
    }

    public IActionResult OnPostCreate()
    {
        try
        {
            Created = keys.Create(Agency ?? string.Empty, Scopes, User.Identity!.Name);
        }
        catch (ArgumentException ex)
        {
            Error = ex.ParamName == "agency" ? "admin.keys.error.agency" : "admin.keys.error.scope";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Keys = keys.List();
            return Page();
        }

        LogCreated(User.Identity!.Name!, Created.Info.Id, Created.Info.Agency, string.Join(' ', Created.Info.Scopes));
        // The answer holds a secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        Keys = keys.List();
        return Page();
    }

    public IActionResult OnPostRevoke()
    {
        if (!keys.Revoke(Id, User.Identity!.Name))
        {
            Error = "admin.keys.error.unknown";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Keys = keys.List();
            return Page();
        }

        LogRevoked(User.Identity!.Name!, Id);
        return RedirectToPage(new { done = "revoked" });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} created API key {KeyId} for {Agency} with scopes {Scopes}")]
    private partial void LogCreated(string admin, long keyId, string agency, string scopes);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Admin} revoked API key {KeyId}")]
    private partial void LogRevoked(string admin, long keyId);
}
