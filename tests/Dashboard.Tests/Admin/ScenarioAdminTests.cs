using System.Net;
using Telematics.Dashboard.Accounts;

namespace Telematics.Dashboard.Tests.Admin;

public sealed class ScenarioAdminTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task The_scenario_tab_shows_its_name_file_and_zone_counts()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        var map = Telematics.Rules.Scenario.ScenarioFile.Load(fixture.ScenarioPath);

        var html = await admin.GetStringAsync("/admin/scenario");

        Assert.Contains("<h2>" + System.Net.WebUtility.HtmlEncode(map.Name) + "</h2>", html, StringComparison.Ordinal);
        Assert.Contains(fixture.ScenarioPath, html, StringComparison.Ordinal);
        var corridors = map.Zones.Count(z => z.Kind == Telematics.Rules.Scenario.ZoneKind.Corridor);
        Assert.Contains($"<td>Hành lang tuyến</td><td class=\"num\">{corridors}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_that_does_not_build_is_refused_naming_the_feature_and_the_file_stays()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        var before = File.ReadAllText(fixture.ScenarioPath);
        const string bad = """{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "QL1 mới"}, "geometry": {"type": "LineString", "coordinates": [[106.76, 21.85], [106.77, 21.86]]}}]}""";

        var response = await admin.UploadAsync("/admin/scenario", "new.geojson", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tệp kịch bản không hợp lệ, không được áp dụng:", html, StringComparison.Ordinal);
        Assert.Contains("new.geojson: features[0] \"QL1 mới\": \"kind\" is required", html, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(fixture.ScenarioPath));
    }

    [Fact]
    public async Task A_valid_scenario_replaces_the_file()
    {
        var admin = await fixture.Factory.SignedInAsync(Roles.Admin);
        const string corridor = """{"type": "FeatureCollection", "name": "Thử nghiệm QL4A", "features": [{"type": "Feature", "properties": {"name": "QL4A", "kind": "corridor", "widthM": 60, "speedLimits": {"default": 60}}, "geometry": {"type": "LineString", "coordinates": [[106.76, 21.85], [106.80, 21.90]]}}]}""";

        var response = await admin.UploadAsync("/admin/scenario", "ql4a.geojson", corridor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(corridor, File.ReadAllText(fixture.ScenarioPath));
        Assert.Contains("Đã thay thế kịch bản bằng <strong>Thử nghiệm QL4A</strong>", await admin.GetStringAsync(response.Headers.Location!.ToString()), StringComparison.Ordinal);
    }
}
