namespace Telematics.Ingest.Influx.Queries;

/// <summary>The newest stored position of a device (and the vehicle it was in).</summary>
public sealed record LastPosition(string DeviceId, string? Vehicle, DateTime Time, double Lat, double Lon, double SpeedKmh, int Heading);
