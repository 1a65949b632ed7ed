using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline.Filters;

/// <summary>0,0 is in the Gulf of Guinea: a device that lost its fix and reports zeros.</summary>
public sealed class ZeroCoordinatesFilter : IRecordFilter
{
    public string Name => "zero-coordinates";

    public bool Drops(PositionRecord record, PositionRecord? lastAccepted, DateTime nowUtc) =>
        record.Lat == 0 && record.Lon == 0;
}
