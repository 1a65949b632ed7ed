namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// Case ids ("speeding:356307040000001:20261128T101500Z") in URLs: escaped as one path segment.
/// A "/" in a driver id travels as %2F, which routing leaves undecoded, so it is decoded here.
/// </summary>
public static class CaseUrls
{
    public static string Page(string id) => "/cases/" + Uri.EscapeDataString(id);

    public static string Notice(string id) => Page(id) + "/notice";

    public static string Evidence(string id) => Page(id) + "/evidence.geojson";

    public static string FromRoute(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
