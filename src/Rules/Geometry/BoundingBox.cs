namespace Telematics.Rules.Geometry;

/// <summary>An axis-aligned box in projected metres.</summary>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public static BoundingBox Empty => new(double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);

    public BoundingBox Expand(double x, double y) => new(Math.Min(MinX, x), Math.Min(MinY, y), Math.Max(MaxX, x), Math.Max(MaxY, y));

    public BoundingBox Grow(double by) => new(MinX - by, MinY - by, MaxX + by, MaxY + by);

    public BoundingBox Union(BoundingBox other) => new(Math.Min(MinX, other.MinX), Math.Min(MinY, other.MinY), Math.Max(MaxX, other.MaxX), Math.Max(MaxY, other.MaxY));

    public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;
}
