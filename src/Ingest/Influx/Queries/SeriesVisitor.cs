namespace Telematics.Ingest.Influx.Queries;

/// <summary>
/// Receives a query answer series by series and row by row from <see cref="QueryResultReader"/>:
/// no document tree, one reused row of values. Numbers (and booleans as 0/1) arrive in
/// <c>numbers</c> (NaN when null), text in <c>strings</c>, both indexed like the columns.
/// </summary>
public abstract class SeriesVisitor
{
    public abstract void BeginSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns);

    public abstract void Row(ReadOnlySpan<double> numbers, ReadOnlySpan<string?> strings);
}
