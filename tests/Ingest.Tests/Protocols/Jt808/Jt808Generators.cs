using FsCheck;
using FsCheck.Fluent;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>A record at the protocol's resolution, the header it travels under, and the device's zone.</summary>
public sealed record Jt808Sample(Jt808FrameHeader Header, DecodedRecord Record, TimeSpan UtcOffset)
{
    public override string ToString() =>
        $"{Header} t={Record.TimeMs} lat={Record.Lat} lon={Record.Lon} v={Record.SpeedKmh} h={Record.Heading} alt={Record.AltitudeM} " +
        $"sat={Record.Satellites} valid={Record.Valid} acc={Record.Ignition} odo={Record.OdometerKm} alarms={Record.Alarms} zone={UtcOffset}";
}

/// <summary>FsCheck generators for JT808 round trips and fuzzing.</summary>
public static class Jt808Generators
{
    private static readonly long FirstLocalSecond = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>Seconds in 2000-01-01 .. 2099-12-31, the span a two-digit BCD year covers.</summary>
    private const int LocalDays = 36_525;

    public static Arbitrary<Jt808Sample> Samples() => SampleGen.ToArbitrary();

    public static Arbitrary<Jt808Sample[]> Batches() =>
        (from n in Gen.Choose(1, 20)
         from samples in Gen.ArrayOf(SampleGen, n)
         select samples).ToArbitrary();

    /// <summary>Byte soup rich in the bytes the framing cares about.</summary>
    public static Arbitrary<byte[]> Noise() =>
        Gen.ArrayOf(Gen.OneOf(Gen.Elements<byte>(0x7E, 0x7D, 0x01, 0x02, 0x00, 0x40), Gen.Choose(0, 255).Select(i => (byte)i))).ToArbitrary();

    private static Gen<DecodedRecord> RecordGen(TimeSpan utcOffset) =>
        from day in Gen.Choose(0, LocalDays - 1)
        from second in Gen.Choose(0, 86_399)
        from lat in Gen.Choose(-90_000_000, 90_000_000)
        from lon in Gen.Choose(-180_000_000, 180_000_000)
        from speed in Gen.Choose(0, ushort.MaxValue)
        from heading in Gen.Choose(0, 359)
        from altitude in Gen.Choose(short.MinValue, short.MaxValue)
        from satellites in Gen.Choose(0, 255)
        from flags in Gen.Choose(0, 3)
        from odometer in Gen.OneOf(Gen.Constant<double?>(null), Gen.Choose(0, int.MaxValue).Select(v => (double?)(v / 10.0)))
        from alarmHigh in Gen.Choose(0, 0xFFFF)
        from alarmLow in Gen.Choose(0, 0xFFFF)
        select new DecodedRecord
        {
            TimeMs = ((FirstLocalSecond + (day * 86_400L) + second) * 1000) - (long)utcOffset.TotalMilliseconds,
            Lat = lat / 1_000_000.0,
            Lon = lon / 1_000_000.0,
            SpeedKmh = speed / 10.0,
            Heading = heading,
            AltitudeM = altitude,
            Satellites = satellites,
            Valid = (flags & 1) != 0,
            Ignition = (flags & 2) != 0,
            OdometerKm = odometer,
            Alarms = (DeviceAlarms)((((uint)alarmHigh << 16) | (uint)alarmLow) & ~(1u << 17)),
        };

    private static Gen<Jt808FrameHeader> HeaderGen =>
        from version in Gen.Elements(Jt808Version.V2013, Jt808Version.V2019)
        from high in Gen.Choose(0, 99_999_999)
        from low in Gen.Choose(0, 999_999)
        from serial in Gen.Choose(0, ushort.MaxValue)
        from protocolVersion in Gen.Choose(0, 255)
        let digits = version == Jt808Version.V2019 ? $"{high}{low:D6}" : $"{high % 1_000_000}{low:D6}"
        select new Jt808FrameHeader(digits, (ushort)serial, version, (byte)protocolVersion);

    private static Gen<Jt808Sample> SampleGen =>
        from header in HeaderGen
        from offsetHours in Gen.Elements(8, 7, 0, -5, 14)
        let offset = TimeSpan.FromHours(offsetHours)
        from record in RecordGen(offset)
        select new Jt808Sample(header, record, offset);
}
