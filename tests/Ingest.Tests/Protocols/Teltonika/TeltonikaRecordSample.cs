using FsCheck;
using FsCheck.Fluent;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>A record as FsCheck generates it, at the protocol's resolution (1e-7 degree, 1 ms, 1 km/h, 1 m).</summary>
public sealed record TeltonikaRecordSample(
    long TimeMs,
    int LatE7,
    int LonE7,
    int SpeedKmh,
    int Heading,
    int AltitudeM,
    int Satellites,
    bool? Ignition,
    long? OdometerM,
    ulong DriverKey,
    DeviceAlarms Alarms,
    int EventId,
    (ushort Id, long Value)[] Io,
    (ushort Id, byte[] Bytes)[] BytesIo)
{
    /// <summary>IO ids the codec maps to normalised fields: the generator leaves them to the normalised fields.</summary>
    private static readonly ushort[] Mapped =
    [
        TeltonikaIoId.TotalOdometer, TeltonikaIoId.IButton, TeltonikaIoId.Ignition,
        TeltonikaIoId.CrashDetection, TeltonikaIoId.Unplug, TeltonikaIoId.GreenDrivingType,
    ];

    public string? DriverId => DriverKey == 0 ? null : DriverKey.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);

    public void AddTo(RecordBatch batch)
    {
        ref var r = ref batch.Add();
        r.TimeMs = TimeMs;
        r.Lat = LatE7 / 1e7;
        r.Lon = LonE7 / 1e7;
        r.SpeedKmh = SpeedKmh;
        r.Heading = Heading;
        r.AltitudeM = AltitudeM;
        r.Satellites = Satellites;
        r.Valid = Satellites != 0;
        r.Ignition = Ignition;
        r.OdometerKm = OdometerM / 1000.0;
        r.DriverId = DriverId;
        r.Alarms = Alarms;
        if (EventId != 0)
        {
            batch.AddIo(TeltonikaIoId.EventIoName, EventId);
        }

        foreach (var (id, value) in Io)
        {
            batch.AddIo(id, value);
        }

        foreach (var (id, bytes) in BytesIo)
        {
            batch.AddIoBytes(id, bytes);
        }
    }

    /// <summary>The IO a decoder must find, in any order: the raw IO plus the IO the normalised fields stand for.</summary>
    public IEnumerable<string> ExpectedIo()
    {
        if (EventId != 0)
        {
            yield return $"event={EventId}";
        }

        foreach (var (id, value) in Io)
        {
            yield return $"{id}={value}";
        }

        foreach (var (id, bytes) in BytesIo)
        {
            yield return $"{id}={Convert.ToHexString(bytes)}";
        }

        if (Ignition is { } ignition)
        {
            yield return $"239={(ignition ? 1 : 0)}";
        }

        if (OdometerM is { } odometer)
        {
            yield return $"16={odometer}";
        }

        if (DriverKey != 0)
        {
            yield return $"78={(long)DriverKey}";
        }

        if ((Alarms & DeviceAlarms.Collision) != 0)
        {
            yield return "247=1";
        }

        if ((Alarms & DeviceAlarms.PowerCut) != 0)
        {
            yield return "252=1";
        }

        var harsh = (Alarms & DeviceAlarms.HarshAcceleration) != 0 ? 1 : (Alarms & DeviceAlarms.HarshBraking) != 0 ? 2 : (Alarms & DeviceAlarms.HarshCornering) != 0 ? 3 : 0;
        if (harsh != 0)
        {
            yield return $"253={harsh}";
        }
    }

    /// <summary>Records every codec can carry: IO ids up to 255, numbers only.</summary>
    public static Gen<TeltonikaRecordSample> Narrow => Generate(maxId: 255, withBytes: false);

    /// <summary>Codec 8 Extended records: 2-byte ids and variable-length IO.</summary>
    public static Gen<TeltonikaRecordSample> Extended => Generate(maxId: ushort.MaxValue, withBytes: true);

    private static Gen<TeltonikaRecordSample> Generate(int maxId, bool withBytes)
    {
        var seconds = Gen.Choose(946_684_800, int.MaxValue); // 2000 to 2038
        var time = from s in seconds from ms in Gen.Choose(0, 999) select (s * 1000L) + ms;
        var id = Gen.Choose(1, maxId).Where(i => Array.IndexOf(Mapped, (ushort)i) < 0).Select(i => (ushort)i);
        var value = Gen.OneOf(
            Gen.Choose(0, byte.MaxValue).Select(v => (long)v),
            Gen.Choose(0, ushort.MaxValue).Select(v => (long)v),
            Gen.Choose(0, int.MaxValue).Select(v => (long)v * 2),
            from hi in Gen.Choose(int.MinValue, int.MaxValue) from lo in Gen.Choose(int.MinValue, int.MaxValue) select ((long)hi << 32) | (uint)lo);
        var io = Gen.ArrayOf(from i in id from v in value select (i, v)).Select(a => a.Take(12).ToArray());
        var bytesIo = withBytes
            ? Gen.ArrayOf(from i in id from b in Gen.ArrayOf(Gen.Choose(0, 255).Select(x => (byte)x)) select (i, b)).Select(a => a.Take(3).ToArray())
            : Gen.Constant(Array.Empty<(ushort, byte[])>());
        var key = from hi in Gen.Choose(int.MinValue, int.MaxValue) from lo in Gen.Choose(int.MinValue, int.MaxValue) select (ulong)(((long)hi << 32) | (uint)lo);
        var alarms = from basic in Gen.Choose(0, 7)
                     from harsh in Gen.Elements(DeviceAlarms.None, DeviceAlarms.HarshAcceleration, DeviceAlarms.HarshBraking, DeviceAlarms.HarshCornering)
                     select ((basic & 1) != 0 ? DeviceAlarms.Sos : 0) | ((basic & 2) != 0 ? DeviceAlarms.Collision : 0) | ((basic & 4) != 0 ? DeviceAlarms.PowerCut : 0) | harsh;

        return from t in time
               from lat in Gen.Choose(-900_000_000, 900_000_000)
               from lon in Gen.Choose(-1_800_000_000, 1_800_000_000)
               from speed in Gen.Choose(0, 400)
               from heading in Gen.Choose(0, 359)
               from altitude in Gen.Choose(-500, 9_000)
               from satellites in Gen.Choose(0, 40)
               from ignition in Gen.Elements<bool?>(null, true, false)
               from odometer in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(0, int.MaxValue).Select(m => (long?)m))
               from driver in Gen.OneOf(Gen.Constant(0UL), key)
               from alarm in alarms
               from eventId in Gen.OneOf(Gen.Constant(0), id.Select(i => (int)i))
               from ios in io
               from bytes in bytesIo
               select new TeltonikaRecordSample(t, lat, lon, speed, heading, altitude, satellites, ignition, odometer, driver, alarm, eventId, ios, bytes);
    }
}

/// <summary>FsCheck arbitraries for the Teltonika properties.</summary>
public static class TeltonikaArbitraries
{
    public static Arbitrary<TeltonikaRecordSample[]> Packets() =>
        Gen.NonEmptyListOf(TeltonikaRecordSample.Narrow).Select(l => l.Take(20).ToArray()).ToArbitrary();

    public static Arbitrary<ExtendedPacket> ExtendedPackets() =>
        Gen.NonEmptyListOf(TeltonikaRecordSample.Extended).Select(l => new ExtendedPacket(l.Take(20).ToArray())).ToArbitrary();
}

/// <summary>Records only Codec 8 Extended can carry.</summary>
public sealed record ExtendedPacket(TeltonikaRecordSample[] Records);
