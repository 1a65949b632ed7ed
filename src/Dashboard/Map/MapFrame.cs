namespace Telematics.Dashboard.Map;

/// <summary>
/// One message of the live map's stream, encoded once and shared by every open map: a delta (the
/// vehicles changed by one tick) or a snapshot (every vehicle). <see cref="Json"/> is one line.
/// </summary>
public sealed record MapFrame(long Seq, string Event, byte[] Json, int Vehicles)
{
    public const string Delta = "delta";
    public const string Snapshot = "snapshot";
}
