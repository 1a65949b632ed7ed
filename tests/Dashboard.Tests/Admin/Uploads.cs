using System.Net.Http.Headers;
using System.Text;
using Telematics.Dashboard.Tests.Support;

namespace Telematics.Dashboard.Tests.Admin;

/// <summary>Uploads a file as a browser's multipart form does, with the page's anti-forgery token.</summary>
public static class Uploads
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string page, string fileName, string content)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", fileName);
        return await client.PostAsync(page, form);
    }
}
