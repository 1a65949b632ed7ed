namespace Telematics.Ingest.Influx.Spool;

/// <summary>Where the spool's reader stands once a batch is acknowledged: segment number and offset past the batch.</summary>
public readonly record struct SpoolPosition(long Segment, long Offset);
