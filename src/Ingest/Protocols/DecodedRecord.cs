using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols;

/// <summary>
/// One record as a codec decodes it, a plain struct filled in place inside a reusable
/// <see cref="RecordBatch"/> so that decoding allocates nothing. The pipeline turns it into a
/// <see cref="PositionRecord"/> (see <see cref="RecordBatch.ToPositionRecord"/>).
/// </summary>
public struct DecodedRecord
{
    /// <summary>Device time as Unix milliseconds, UTC (codecs convert device-local times).</summary>
    public long TimeMs;
    public double Lat;
    public double Lon;
    public double SpeedKmh;
    public int Heading;
    public int AltitudeM;
    public int Satellites;
    public bool Valid;
    public bool? Ignition;
    public double? OdometerKm;
    public string? DriverId;
    public DeviceAlarms Alarms;

    /// <summary>The device marked it as buffered (blind-area) data sent late.</summary>
    public bool Archived;

    // Slice of the batch's IO store that belongs to this record.
    internal int IoStart;
    internal int IoCount;
}
