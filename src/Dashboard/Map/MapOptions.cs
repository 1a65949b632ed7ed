namespace Telematics.Dashboard.Map;

/// <summary>The live map: the section <c>Telematics:Dashboard:Map</c>.</summary>
public sealed class MapOptions
{
    public const string Section = "Telematics:Dashboard:Map";

    /// <summary>How often changed vehicles are pushed to the open maps.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A vehicle whose last report was received longer ago than this is offline.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At or above this speed a vehicle is moving, below it stopped.</summary>
    public double MovingSpeedKmh { get; set; } = 3;

    /// <summary>A vehicle is in violation while it has an open (or in-review) case whose episode started within this window.</summary>
    public TimeSpan ViolationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the set of vehicles in violation is re-read from the case store.</summary>
    public TimeSpan ViolationRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Updates queued per open map before it is considered too slow: its queue is then dropped and
    /// it gets one full snapshot instead, so that a slow client never makes the server buffer more.
    /// </summary>
    public int ClientQueueFrames { get; set; } = 8;

    /// <summary>Recent updates kept so that a reconnecting map (Last-Event-ID) continues without a snapshot.</summary>
    public int ReplayFrames { get; set; } = 20;

    /// <summary>
    /// All-in-one mode: keep recent tracks in memory (a pipeline consumer), for the panel's track
    /// when InfluxDB is disabled or cannot be reached.
    /// </summary>
    public bool MemoryTracks { get; set; } = true;

    /// <summary>In-memory track: one point per vehicle per this interval.</summary>
    public TimeSpan TrackSampleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>In-memory track: how far back it reaches.</summary>
    public TimeSpan TrackRetention { get; set; } = TimeSpan.FromHours(3);

    /// <summary>The longest track the panel may ask for (hours).</summary>
    public int MaxTrackHours { get; set; } = 24;
}
