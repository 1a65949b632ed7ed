namespace Telematics.Ingest.Pipeline;

/// <summary>Configuration section <c>Telematics:Pipeline</c>.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Telematics:Pipeline";

    /// <summary>Partitions (one writer task each); a vehicle always maps to the same one.</summary>
    public int Partitions { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Records queued per partition before device reads wait (backpressure).</summary>
    public int QueueCapacity { get; set; } = 8192;

    /// <summary>How long a record waits for earlier (late) records of its vehicle before it is released in device-time order. 0 turns reordering off.</summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many recent record times per vehicle are remembered to drop resent duplicates (8 bytes each).</summary>
    public int DuplicateHistory { get; set; } = 256;

    public FilterOptions Filters { get; set; } = new();
}

/// <summary>The named filters, each on by default. Section <c>Telematics:Pipeline:Filters</c>.</summary>
public sealed class FilterOptions
{
    /// <summary>Drop records the device marks as having no valid fix.</summary>
    public bool InvalidFix { get; set; } = true;

    /// <summary>Drop records at 0,0 (a device that lost its fix and reports zeros).</summary>
    public bool ZeroCoordinates { get; set; } = true;

    /// <summary>Drop records time-stamped further than this in the future (a bad device clock).</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Drop a record whose implied speed from the last accepted one is beyond any vehicle (a GPS spike). 0 turns it off.</summary>
    public double MaxImpliedSpeedKmh { get; set; } = 250;

    /// <summary>After this many spikes in a row the next record is taken as the new truth (the earlier anchor was the bad one).</summary>
    public int MaxConsecutiveSpikes { get; set; } = 3;
}
