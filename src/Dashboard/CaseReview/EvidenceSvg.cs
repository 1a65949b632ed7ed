using System.Globalization;
using System.Text;
using Telematics.Rules.Cases;

namespace Telematics.Dashboard.CaseReview;

/// <summary>
/// A case's evidence track as a small inline SVG for the printed notice (prints crisply, needs no
/// script): segments coloured by speed against the limit, as on the case page's map, with start
/// and end markers. Local equirectangular projection: at a track's scale it is exact enough.
/// </summary>
public static class EvidenceSvg
{
    public static string Track(IReadOnlyList<EvidencePoint> points, int width = 360, int height = 220, int margin = 14)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"evidence-svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#f6f8f7\" stroke=\"#cfd5de\"/>");
        if (points.Count > 0)
        {
            var cos = Math.Cos(points.Average(p => p.Lat) * Math.PI / 180);
            double minX = points.Min(p => p.Lon * cos), maxX = points.Max(p => p.Lon * cos);
            double minY = points.Min(p => p.Lat), maxY = points.Max(p => p.Lat);
            var span = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-5);
            var scale = Math.Min((width - 2 * margin) / Math.Max(maxX - minX, span / 10), (height - 2 * margin) / Math.Max(maxY - minY, span / 10));
            (double X, double Y) At(EvidencePoint p) =>
                ((width / 2.0) + ((p.Lon * cos) - ((minX + maxX) / 2)) * scale, (height / 2.0) - (p.Lat - ((minY + maxY) / 2)) * scale);
            for (var i = 1; i < points.Count; i++)
            {
                var (x1, y1) = At(points[i - 1]);
                var (x2, y2) = At(points[i]);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{Colour(points[i].SpeedKmh, points[i].LimitKmh)}\" stroke-width=\"3\" stroke-linecap=\"round\"/>");
            }

            var (sx, sy) = At(points[0]);
            var (ex, ey) = At(points[^1]);
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{sx:0.#}\" cy=\"{sy:0.#}\" r=\"5\" fill=\"#1d8a4e\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{ex - 5:0.#}\" y=\"{ey - 5:0.#}\" width=\"10\" height=\"10\" fill=\"#13212e\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The case page's colours (geo-canvas.js speedColour): green under the limit, amber just over, red over by more than 5, dark red over by more than 20.</summary>
    public static string Colour(double speedKmh, double? limitKmh)
    {
        if (limitKmh is not { } limit)
        {
            return speedKmh > 90 ? "#d6343f" : speedKmh > 60 ? "#e08a00" : "#1d8a4e";
        }

        var over = speedKmh - limit;
        return over > 20 ? "#9e1622" : over > 5 ? "#d6343f" : over > 0 ? "#e08a00" : "#1d8a4e";
    }
}
