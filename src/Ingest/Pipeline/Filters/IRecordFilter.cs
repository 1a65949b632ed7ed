using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline.Filters;

/// <summary>A named reason to drop a record before any consumer sees it. Each drop is counted under <see cref="Name"/>.</summary>
public interface IRecordFilter
{
    /// <summary>Kebab-case name used in metrics and logs ("invalid-fix").</summary>
    string Name { get; }

    /// <param name="record">The record, released in device-time order for its vehicle.</param>
    /// <param name="lastAccepted">The vehicle's last record that passed every filter, or null.</param>
    /// <param name="nowUtc">Server time.</param>
    bool Drops(PositionRecord record, PositionRecord? lastAccepted, DateTime nowUtc);
}
