using System.Text.RegularExpressions;

namespace Telematics.Dashboard.Tests.Support;

/// <summary>Posts forms as a browser does: first GETs the page for its anti-forgery token, then posts with it.</summary>
public static partial class FormPosts
{
    /// <summary>GETs <paramref name="url"/> (or <paramref name="formPage"/>), takes the anti-forgery token from it, and posts the fields to <paramref name="url"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? url);
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no anti-forgery token on {page}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
