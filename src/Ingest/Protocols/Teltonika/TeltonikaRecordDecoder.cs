using System.Runtime.CompilerServices;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// Decodes the AVL records of a Codec 8, 8 Extended or 16 packet (the bytes between record count 1
/// and record count 2) into a <see cref="RecordBatch"/>. Allocates nothing, except the driver-id
/// string when the iButton value changes.
/// </summary>
internal static class TeltonikaRecordDecoder
{
    /// <summary>Record priority "Panic": the SOS button.</summary>
    public const byte PriorityPanic = 2;

    // Divided rather than multiplied by 1e-7, so that 218537080 reads 21.853708, not 21.853707999999997.
    private const double CoordinateDivisor = 1e7;

    /// <summary>Length of the values in the optional "16-byte" IO group.</summary>
    public const int SixteenByteValueLength = 16;

    /// <summary>
    /// Decodes <paramref name="count"/> records that must fill the reader exactly. Returns null on
    /// success, else the reject reason; records appended before a failure are left to the caller to truncate.
    /// <paramref name="sixteenByteGroup"/>: some devices (Traccar's <c>teltonika.extended</c>) send a
    /// group of 16-byte values after the 8-byte group; its count is one more byte in every record.
    /// </summary>
    public static string? Decode<TReader>(
        ref TReader reader, TeltonikaCodecId codec, int count, bool sixteenByteGroup, RecordBatch records, TeltonikaDriverIdCache driverIds)
        where TReader : ITeltonikaReader, allows ref struct
    {
        // Codec 8: 1-byte ids and counts; 8 Extended: 2-byte ids and counts; 16: 2-byte ids, 1-byte counts.
        var wideIds = codec != TeltonikaCodecId.Codec8;
        var wideCounts = codec == TeltonikaCodecId.Codec8Extended;
        for (var i = 0; i < count; i++)
        {
            if (!TryDecodeRecord(ref reader, codec, wideIds, wideCounts, sixteenByteGroup, records, driverIds))
            {
                return TeltonikaReasons.RecordOverrun;
            }
        }

        return reader.Remaining == 0 ? null : TeltonikaReasons.RecordUnderrun;
    }

    private static bool TryDecodeRecord<TReader>(
        ref TReader reader, TeltonikaCodecId codec, bool wideIds, bool wideCounts, bool sixteenByteGroup, RecordBatch records, TeltonikaDriverIdCache driverIds)
        where TReader : ITeltonikaReader, allows ref struct
    {
        if (!reader.TryReadBigEndian(out ulong timeMs)
            || !reader.TryRead(out var priority)
            || !reader.TryReadBigEndian(out uint lonE7)
            || !reader.TryReadBigEndian(out uint latE7)
            || !reader.TryReadBigEndian(out ushort altitude)
            || !reader.TryReadBigEndian(out ushort angle)
            || !reader.TryRead(out var satellites)
            || !reader.TryReadBigEndian(out ushort speed))
        {
            return false;
        }

        ref var r = ref records.Add();
        r.TimeMs = (long)timeMs;
        r.Lon = (int)lonE7 / CoordinateDivisor; // longitude comes before latitude on the wire
        r.Lat = (int)latE7 / CoordinateDivisor;
        r.AltitudeM = (short)altitude;
        r.Heading = angle;
        r.Satellites = satellites;
        r.SpeedKmh = speed;

        // The format has no fix flag: like Traccar, a record is valid when it was computed from satellites.
        r.Valid = satellites != 0;
        if (priority == PriorityPanic)
        {
            r.Alarms |= DeviceAlarms.Sos;
        }

        if (!TryReadVarint(ref reader, wideIds, out var eventId)
            || (codec == TeltonikaCodecId.Codec16 && !reader.TryRead(out _)) // generation type: why the record was made
            || !TryReadVarint(ref reader, wideCounts, out _)) // total IO count: each group carries its own count
        {
            return false;
        }

        if (eventId != 0)
        {
            records.AddIo(TeltonikaIoId.EventIoName, eventId);
        }

        return TryReadGroup(ref reader, 1, wideIds, wideCounts, ref r, records, driverIds)
            && TryReadGroup(ref reader, 2, wideIds, wideCounts, ref r, records, driverIds)
            && TryReadGroup(ref reader, 4, wideIds, wideCounts, ref r, records, driverIds)
            && TryReadGroup(ref reader, 8, wideIds, wideCounts, ref r, records, driverIds)
            && (!sixteenByteGroup || TryReadSixteenByteGroup(ref reader, wideIds, wideCounts, records))
            && (codec != TeltonikaCodecId.Codec8Extended || TryReadVariableGroup(ref reader, records));
    }

    private static bool TryReadGroup<TReader>(
        ref TReader reader, int valueSize, bool wideIds, bool wideCounts, ref DecodedRecord r, RecordBatch records, TeltonikaDriverIdCache driverIds)
        where TReader : ITeltonikaReader, allows ref struct
    {
        if (!TryReadVarint(ref reader, wideCounts, out var count))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!TryReadVarint(ref reader, wideIds, out var id) || !TryReadValue(ref reader, valueSize, out var value))
            {
                return false;
            }

            records.AddIo((ushort)id, value);
            Normalise(ref r, (ushort)id, value, driverIds);
        }

        return true;
    }

    /// <summary>The optional group of 16-byte values, kept as bytes.</summary>
    private static bool TryReadSixteenByteGroup<TReader>(ref TReader reader, bool wideIds, bool wideCounts, RecordBatch records)
        where TReader : ITeltonikaReader, allows ref struct
    {
        if (!TryReadVarint(ref reader, wideCounts, out var count))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!TryReadVarint(ref reader, wideIds, out var id) || !reader.TryAddIoBytes(records, (ushort)id, SixteenByteValueLength))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Codec 8 Extended's fifth group: 2-byte count, then (2-byte id, 2-byte length, bytes).</summary>
    private static bool TryReadVariableGroup<TReader>(ref TReader reader, RecordBatch records)
        where TReader : ITeltonikaReader, allows ref struct
    {
        if (!reader.TryReadBigEndian(out ushort count))
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadBigEndian(out ushort id)
                || !reader.TryReadBigEndian(out ushort length)
                || !reader.TryAddIoBytes(records, id, length))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Values are kept as the wire's unsigned numbers (1, 2 and 4 bytes); 8-byte values as their 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadValue<TReader>(ref TReader reader, int size, out long value)
        where TReader : ITeltonikaReader, allows ref struct
    {
        bool ok;
        switch (size)
        {
            case 1:
                ok = reader.TryRead(out var b);
                value = b;
                return ok;
            case 2:
                ok = reader.TryReadBigEndian(out ushort s);
                value = s;
                return ok;
            case 4:
                ok = reader.TryReadBigEndian(out uint i);
                value = i;
                return ok;
            default:
                ok = reader.TryReadBigEndian(out ulong l);
                value = (long)l;
                return ok;
        }
    }

    /// <summary>An id or count that is 1 byte or 2 bytes wide depending on the codec.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadVarint<TReader>(ref TReader reader, bool wide, out int value)
        where TReader : ITeltonikaReader, allows ref struct
    {
        bool ok;
        if (wide)
        {
            ok = reader.TryReadBigEndian(out ushort w);
            value = w;
            return ok;
        }

        ok = reader.TryRead(out var b);
        value = b;
        return ok;
    }

    private static void Normalise(ref DecodedRecord r, ushort id, long value, TeltonikaDriverIdCache driverIds)
    {
        switch (id)
        {
            case TeltonikaIoId.Ignition:
                r.Ignition = value != 0;
                break;
            case TeltonikaIoId.TotalOdometer:
                r.OdometerKm = value / 1000.0;
                break;
            case TeltonikaIoId.IButton:
                r.DriverId = driverIds.For((ulong)value);
                break;
            case TeltonikaIoId.CrashDetection when value != 0:
                r.Alarms |= DeviceAlarms.Collision;
                break;
            case TeltonikaIoId.Unplug when value != 0:
                r.Alarms |= DeviceAlarms.PowerCut;
                break;
            case TeltonikaIoId.GreenDrivingType:
                r.Alarms |= value switch
                {
                    TeltonikaIoId.GreenDrivingAcceleration => DeviceAlarms.HarshAcceleration,
                    TeltonikaIoId.GreenDrivingBraking => DeviceAlarms.HarshBraking,
                    TeltonikaIoId.GreenDrivingCornering => DeviceAlarms.HarshCornering,
                    _ => DeviceAlarms.None,
                };
                break;
        }
    }
}
