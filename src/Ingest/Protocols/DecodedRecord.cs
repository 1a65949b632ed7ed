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

    /// <summary>The normalised, immutable form of this record (its raw IO values given apart: they live in the batch).</summary>
    public readonly PositionRecord ToPositionRecord(string deviceId, IReadOnlyList<IoValue> io) => new()
    {
        DeviceId = deviceId,
        Time = DateTime.UnixEpoch.AddMilliseconds(TimeMs),
        Lat = Lat,
        Lon = Lon,
        SpeedKmh = SpeedKmh,
        Heading = Heading,
        AltitudeM = AltitudeM,
        Satellites = Satellites,
        Valid = Valid,
        Ignition = Ignition,
        OdometerKm = OdometerKm,
        DriverId = DriverId,
        Alarms = Alarms,
        Archived = Archived,
        Io = io,
    };

    // Slice of the batch's IO store that belongs to this record.
    internal int IoStart;
    internal int IoCount;
}
