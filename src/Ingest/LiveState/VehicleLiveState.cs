using Telematics.Ingest.Registry;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.LiveState;

/// <summary>A vehicle's newest position, its registry entry (null when unknown), when the server got it, and how many records it has sent.</summary>
public sealed record VehicleLiveState(PositionRecord Last, DeviceEntry? Vehicle, DateTime ReceivedUtc, long Records);
