namespace Telematics.Rules.Geometry;

/// <summary>A polygon (outer ring, optional holes) in projected metres. Immutable, thread-safe.</summary>
public sealed class Polygon
{
    private readonly (double[] X, double[] Y)[] _rings;

    public Polygon(IReadOnlyList<(double[] X, double[] Y)> rings)
    {
        if (rings.Count == 0 || rings[0].X.Length < 3)
        {
            throw new ArgumentException("a polygon needs an outer ring of at least three points");
        }

        _rings = rings.ToArray();
        var box = BoundingBox.Empty;
        var (ox, oy) = _rings[0];
        for (var i = 0; i < ox.Length; i++)
        {
            box = box.Expand(ox[i], oy[i]);
        }

        Bounds = box;
        AreaM2 = Math.Abs(SignedArea(ox, oy));
    }

    public BoundingBox Bounds { get; }

    public double AreaM2 { get; }

    /// <summary>Inside the outer ring and outside every hole (even-odd ray casting).</summary>
    public bool Contains(double x, double y)
    {
        if (!Bounds.Contains(x, y))
        {
            return false;
        }

        var inside = false;
        foreach (var (rx, ry) in _rings)
        {
            if (RingContains(rx, ry, x, y))
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static bool RingContains(double[] rx, double[] ry, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = rx.Length - 1; i < rx.Length; j = i++)
        {
            if ((ry[i] > y) != (ry[j] > y) && x < ((rx[j] - rx[i]) * (y - ry[i]) / (ry[j] - ry[i])) + rx[i])
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static double SignedArea(double[] x, double[] y)
    {
        var sum = 0.0;
        for (int i = 0, j = x.Length - 1; i < x.Length; j = i++)
        {
            sum += (x[j] * y[i]) - (x[i] * y[j]);
        }

        return sum / 2;
    }
}
