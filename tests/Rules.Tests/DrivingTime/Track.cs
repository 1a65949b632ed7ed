using System.Globalization;
using Telematics.Rules.Positions;

namespace Telematics.Rules.Tests.DrivingTime;

/// <summary>
/// Builds a device's track compactly: <c>Track.At("2025-01-06T08:00+07:00").Drive(H(3)).Stop(M(14)).Drive(H(1.5))</c>.
/// Driving reports every 30 s at 60 km/h heading east; a stop reports every 60 s in place; a park
/// and a gap report nothing (the vehicle stays, or moves the given distance). Segments join
/// exactly: driving ends at the time the next segment starts.
/// </summary>
internal sealed class Track
{
    private const double Lat = 21.85;
    private static readonly double KmPerDegreeLon = 6371.0088 * Math.PI / 180 * Math.Cos(Lat * Math.PI / 180);

    private readonly List<PositionRecord> _records = [];
    private double _lon = 106.75;

    private Track(DateTime utc) => Now = utc;

    public DateTime Now { get; private set; }

    public string? DriverId { get; init; } = "D-1";

    public IReadOnlyList<PositionRecord> Records => _records;

    public static Track At(string isoWithOffset, string? driverId = "D-1") =>
        new(DateTimeOffset.Parse(isoWithOffset, CultureInfo.InvariantCulture).UtcDateTime) { DriverId = driverId };

    public static DateTime Utc(string isoWithOffset) => DateTimeOffset.Parse(isoWithOffset, CultureInfo.InvariantCulture).UtcDateTime;

    public static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    public static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    public Track Drive(TimeSpan duration, double speedKmh = 60, DeviceAlarms alarms = DeviceAlarms.None)
    {
        // The segment before ended now: its last record becomes this drive's first (moving) one.
        if (_records.Count > 0 && _records[^1].Time == Now)
        {
            _records.RemoveAt(_records.Count - 1);
        }

        var end = Now + duration;
        Add(Now, speedKmh, ignition: true, alarms);
        while (Now < end)
        {
            var next = Now + TimeSpan.FromSeconds(30) < end ? Now + TimeSpan.FromSeconds(30) : end;
            _lon += speedKmh * (next - Now).TotalHours / KmPerDegreeLon;
            Now = next;
            Add(Now, speedKmh, ignition: true, alarms);
        }

        return this;
    }

    /// <summary>Standing in place, reporting every minute; the ignition as given (US: on is on duty).</summary>
    public Track Stop(TimeSpan duration, bool ignition = false)
    {
        var end = Now + duration;
        if (_records.Count == 0)
        {
            Add(Now, 0, ignition, DeviceAlarms.None);
        }

        while (Now < end)
        {
            Now = Now + TimeSpan.FromMinutes(1) < end ? Now + TimeSpan.FromMinutes(1) : end;
            Add(Now, 0, ignition, DeviceAlarms.None);
        }

        return this;
    }

    /// <summary>Parked with the device silent: no records, same place.</summary>
    public Track Park(TimeSpan duration)
    {
        Now += duration;
        return this;
    }

    /// <summary>No records while the vehicle moves <paramref name="km"/> (a tunnel, no coverage, a device switched off).</summary>
    public Track Gap(TimeSpan duration, double km)
    {
        Now += duration;
        _lon += km / KmPerDegreeLon;
        return this;
    }

    /// <summary>Parks until the given local time.</summary>
    public Track ParkUntil(string isoWithOffset) => Park(Utc(isoWithOffset) - Now);

    private void Add(DateTime time, double speedKmh, bool ignition, DeviceAlarms alarms) =>
        _records.Add(new PositionRecord
        {
            DeviceId = "dev-1",
            Time = time,
            Lat = Lat,
            Lon = _lon,
            SpeedKmh = speedKmh,
            Valid = true,
            Satellites = 9,
            Ignition = ignition,
            DriverId = DriverId,
            Alarms = alarms,
        });
}
