using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline.Filters;

/// <summary>The device says it has no valid fix: its coordinates are stale or made up.</summary>
public sealed class InvalidFixFilter : IRecordFilter
{
    public string Name => "invalid-fix";

    public bool Drops(PositionRecord record, PositionRecord? lastAccepted, DateTime nowUtc) => !record.Valid;
}
