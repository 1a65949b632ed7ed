using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Pipeline;

/// <summary>A record that passed the filters, with what the registry knows of its vehicle.</summary>
/// <param name="Record">The normalised record.</param>
/// <param name="Vehicle">The registry entry, or null for an unknown (flagged) device.</param>
/// <param name="Late">True when newer records of the vehicle had already been released: consumers that need device-time order (rules) treat it as history.</param>
public sealed record IngestedPosition(PositionRecord Record, DeviceEntry? Vehicle, bool Late);
