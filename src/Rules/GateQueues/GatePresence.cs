namespace Telematics.Rules.GateQueues;

/// <summary>The gate zone (approach zone or holding yard) a vehicle is in, and since when (serialisable rule state).</summary>
public sealed record GatePresence(string Zone, string? Gate, string Kind, DateTime EnteredAt);
