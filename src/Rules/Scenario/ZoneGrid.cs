using Telematics.Rules.Geometry;

namespace Telematics.Rules.Scenario;

/// <summary>
/// A uniform grid over the scenario: each cell lists the zones whose bounds touch it, so that a
/// position is tested against a handful of zones, allocating nothing. Immutable, thread-safe.
/// </summary>
internal sealed class ZoneGrid
{
    private const int MaxCellsPerSide = 1024;
    private static readonly int[] None = [];

    private readonly BoundingBox _bounds;
    private readonly double _cellM;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[][] _cells;

    public ZoneGrid(IReadOnlyList<ScenarioZone> zones, double cellM = 1000)
    {
        var bounds = BoundingBox.Empty;
        foreach (var zone in zones)
        {
            bounds = bounds.Union(zone.Bounds);
        }

        if (zones.Count == 0)
        {
            bounds = new BoundingBox(0, 0, 1, 1);
        }

        var width = bounds.MaxX - bounds.MinX;
        var height = bounds.MaxY - bounds.MinY;
        _cellM = Math.Max(cellM, Math.Max(width, height) / MaxCellsPerSide);
        _bounds = bounds;
        _columns = (int)(width / _cellM) + 1;
        _rows = (int)(height / _cellM) + 1;
        var lists = new List<int>?[_columns * _rows];
        for (var i = 0; i < zones.Count; i++)
        {
            var b = zones[i].Bounds;
            var (c0, r0) = Cell(b.MinX, b.MinY);
            var (c1, r1) = Cell(b.MaxX, b.MaxY);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    (lists[(r * _columns) + c] ??= []).Add(i);
                }
            }
        }

        _cells = lists.Select(l => l?.ToArray() ?? None).ToArray();
    }

    /// <summary>Indices of the zones that may contain (x, y).</summary>
    public ReadOnlySpan<int> Candidates(double x, double y)
    {
        if (!_bounds.Contains(x, y))
        {
            return None;
        }

        var (c, r) = Cell(x, y);
        return _cells[(r * _columns) + c];
    }

    private (int Column, int Row) Cell(double x, double y) =>
        (Math.Clamp((int)((x - _bounds.MinX) / _cellM), 0, _columns - 1), Math.Clamp((int)((y - _bounds.MinY) / _cellM), 0, _rows - 1));
}
