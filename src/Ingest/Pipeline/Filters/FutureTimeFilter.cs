using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline.Filters;

/// <summary>A time stamp ahead of the server clock by more than the tolerance: a bad device clock (or wrong time zone).</summary>
public sealed class FutureTimeFilter(TimeSpan tolerance) : IRecordFilter
{
    public string Name => "future-time";

    public bool Drops(PositionRecord record, PositionRecord? lastAccepted, DateTime nowUtc) =>
        record.Time > nowUtc + tolerance;
}
