namespace Telematics.Rules.Engine;

/// <summary>The vehicle's previous position as the rules saw it (gaps, distances, evidence before an episode).</summary>
public readonly record struct LastFix(DateTime Time, double Lat, double Lon, double SpeedKmh, double LimitKmh);
