namespace Telematics.Rules.Geometry;

/// <summary>A line in projected metres: distance from a point, the nearest measure along it. Immutable, thread-safe.</summary>
public sealed class Polyline
{
    private readonly double[] _x;
    private readonly double[] _y;

    public Polyline(double[] x, double[] y)
    {
        if (x.Length < 2 || x.Length != y.Length)
        {
            throw new ArgumentException("a line needs at least two points");
        }

        _x = x;
        _y = y;
        var box = BoundingBox.Empty;
        for (var i = 0; i < x.Length; i++)
        {
            box = box.Expand(x[i], y[i]);
            if (i > 0)
            {
                LengthM += Math.Sqrt(Sq(x[i] - x[i - 1]) + Sq(y[i] - y[i - 1]));
            }
        }

        Bounds = box;
    }

    public BoundingBox Bounds { get; }

    public double LengthM { get; }

    /// <summary>Shortest distance in metres from (x, y) to the line.</summary>
    public double DistanceTo(double x, double y)
    {
        var best = double.MaxValue;
        for (var i = 1; i < _x.Length; i++)
        {
            var d = SegmentDistanceSquared(x, y, _x[i - 1], _y[i - 1], _x[i], _y[i]);
            if (d < best)
            {
                best = d;
            }
        }

        return Math.Sqrt(best);
    }

    private static double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by)
    {
        var dx = bx - ax;
        var dy = by - ay;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / lengthSquared, 0, 1);
        return Sq(px - (ax + (t * dx))) + Sq(py - (ay + (t * dy)));
    }

    private static double Sq(double v) => v * v;
}
