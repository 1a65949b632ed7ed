namespace Telematics.Ingest.Influx.Queries;

/// <summary>One point of a track (downsampled: the last position of the interval, its highest speed).</summary>
public readonly record struct TrackPoint(DateTime Time, double Lat, double Lon, double SpeedKmh, int Heading);
