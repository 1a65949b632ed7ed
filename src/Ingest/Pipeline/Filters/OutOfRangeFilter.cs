using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline.Filters;

/// <summary>Coordinates outside ±90/±180, or not numbers: never a place on Earth. Always on.</summary>
public sealed class OutOfRangeFilter : IRecordFilter
{
    public string Name => "out-of-range";

    public bool Drops(PositionRecord record, PositionRecord? lastAccepted, DateTime nowUtc) =>
        !(Math.Abs(record.Lat) <= 90) || !(Math.Abs(record.Lon) <= 180);
}
