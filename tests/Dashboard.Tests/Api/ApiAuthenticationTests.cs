using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telematics.Dashboard.Accounts;
using Telematics.Dashboard.Api;

namespace Telematics.Dashboard.Tests.Api;

public sealed class ApiAuthenticationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_request_without_a_key_gets_401_with_a_problem_body()
    {
        var response = await fixture.Factory.Anonymous().GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("an API key is required", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_gets_401()
    {
        var response = await fixture.ClientWithKey("tlm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unknown API key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_revoked_key_gets_401_from_the_next_request_on()
    {
        var created = fixture.Keys.Create("Công an tỉnh Lạng Sơn", [ApiScopes.CasesRead], "test");
        var client = fixture.ClientWithKey(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/cases")).StatusCode);

        Assert.True(fixture.Keys.Revoke(created.Info.Id, "admin"));
        var response = await client.GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("this API key was revoked on ", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_positions_only_key_gets_403_on_cases_naming_the_missing_scope()
    {
        var client = fixture.ClientWith("Sở Y tế", ApiScopes.PositionsRead);

        var cases = await client.GetAsync("/api/v1/cases");
        var positions = await client.GetAsync("/api/v1/positions");

        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
        Assert.Equal("this API key lacks the scope cases:read", (await cases.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, positions.StatusCode);
    }

    [Fact]
    public async Task A_cases_only_key_gets_403_on_positions()
    {
        var client = fixture.ClientWith("Cục Thuế", ApiScopes.CasesRead);

        var response = await client.GetAsync("/api/v1/vehicles/356307040001000/position");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("this API key lacks the scope positions:read", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_signed_in_dashboard_session_is_not_accepted_by_the_api()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);

        var response = await admin.GetAsync("/api/v1/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_key_works_as_a_bearer_token_too_and_records_its_last_use()
    {
        var created = fixture.Keys.Create("Cục Cảnh sát giao thông", [ApiScopes.CasesRead], "test");
        Assert.Null(fixture.Keys.Get(created.Info.Id)!.LastUsedUtc);

        var response = await fixture.Bearer(created.Key).GetAsync("/api/v1/cases?pageSize=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(fixture.Keys.Get(created.Info.Id)!.LastUsedUtc);
    }

    [Fact]
    public async Task An_unknown_api_path_gets_a_json_404()
    {
        var response = await fixture.ClientWith("Công an", ApiScopes.CasesRead).GetAsync("/api/v1/drivers");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
