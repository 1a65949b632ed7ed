using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Telematics.Dashboard.Tests.Api;

public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_document_lists_the_api_paths_only_with_the_key_security_scheme()
    {
        var response = await fixture.Factory.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/evidence", "/api/v1/positions", "/api/v1/vehicles/{deviceId}/position"], paths);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("ApiKey", document.GetProperty("security")[0].EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_its_scope_and_its_error_answers()
    {
        var document = await fixture.Factory.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var get = path.Value.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()), path.Name);
            Assert.StartsWith("Scope: ", get.GetProperty("description").GetString(), StringComparison.Ordinal);
            var responses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
            Assert.Superset(new HashSet<string> { "200", "401", "403", "429" }, responses);
        }

        var pageSize = document.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "pageSize");
        Assert.Equal("integer", pageSize.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(500, pageSize.GetProperty("schema").GetProperty("maximum").GetInt32());
    }
}
