using System.Buffers.Binary;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// Decodes a location body (0x0200, and each item of 0x0704): the 28-byte basic part, then the
/// additional items. Returns null on success, else a constant reason; on failure the caller
/// truncates the record it may have added.
/// </summary>
internal static class Jt808LocationReader
{
    public const int BasicLength = 28;

    public const string BodyTooShort = "location body shorter than 28 bytes";
    public const string InvalidTime = "invalid BCD time";
    public const string ItemOverrun = "additional item runs past the body";

    // Status bits (状态位).
    private const uint StatusAcc = 1u << 0;
    private const uint StatusFix = 1u << 1;
    private const uint StatusSouth = 1u << 2;
    private const uint StatusWest = 1u << 3;

    // Alarm bit 17 is reserved by the standard: DeviceAlarms has no name for it.
    private const uint AlarmReservedMask = ~(1u << 17);

    private const double MicroDegrees = 1_000_000.0;

    public static string? Read(ReadOnlySpan<byte> body, RecordBatch records, long utcOffsetMs, bool archived)
    {
        if (body.Length < BasicLength)
        {
            return BodyTooShort;
        }

        if (!Jt808Time.TryRead(body.Slice(22, Jt808Time.Length), utcOffsetMs, out var timeMs))
        {
            return InvalidTime;
        }

        var alarm = BinaryPrimitives.ReadUInt32BigEndian(body);
        var status = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        var lat = BinaryPrimitives.ReadUInt32BigEndian(body[8..]) / MicroDegrees;
        var lon = BinaryPrimitives.ReadUInt32BigEndian(body[12..]) / MicroDegrees;

        ref var r = ref records.Add();
        r.TimeMs = timeMs;
        r.Alarms = (DeviceAlarms)(alarm & AlarmReservedMask);
        r.Ignition = (status & StatusAcc) != 0;
        r.Valid = (status & StatusFix) != 0;
        r.Lat = (status & StatusSouth) != 0 ? -lat : lat;
        r.Lon = (status & StatusWest) != 0 ? -lon : lon;
        r.AltitudeM = BinaryPrimitives.ReadInt16BigEndian(body[16..]);
        r.SpeedKmh = BinaryPrimitives.ReadUInt16BigEndian(body[18..]) / 10.0;
        r.Heading = BinaryPrimitives.ReadUInt16BigEndian(body[20..]);
        r.Archived = archived;

        return ReadItems(body[BasicLength..], ref r, records);
    }

    private static string? ReadItems(ReadOnlySpan<byte> items, ref DecodedRecord r, RecordBatch records)
    {
        while (!items.IsEmpty)
        {
            if (items.Length < 2 || items[1] > items.Length - 2)
            {
                return ItemOverrun;
            }

            var id = items[0];
            var value = items.Slice(2, items[1]);
            items = items[(2 + value.Length)..];
            switch (id)
            {
                case Jt808AdditionalItemId.Mileage when value.Length == 4:
                    var mileage = BinaryPrimitives.ReadUInt32BigEndian(value);
                    r.OdometerKm = mileage / 10.0;
                    records.AddIo(id, mileage);
                    break;
                case Jt808AdditionalItemId.SatelliteCount when value.Length == 1:
                    r.Satellites = value[0];
                    break;
                case Jt808AdditionalItemId.OverspeedDetail when value.Length is 1 or 5:
                    records.AddIo(Jt808IoNames.OverspeedAreaType, value[0]);
                    if (value.Length == 5 && value[0] != 0)
                    {
                        records.AddIo(Jt808IoNames.OverspeedAreaId, BinaryPrimitives.ReadUInt32BigEndian(value[1..]));
                    }

                    break;
                case Jt808AdditionalItemId.AreaEntryExit when value.Length == 6:
                    records.AddIo(Jt808IoNames.AreaType, value[0]);
                    records.AddIo(Jt808IoNames.AreaId, BinaryPrimitives.ReadUInt32BigEndian(value[1..]));
                    records.AddIo(Jt808IoNames.AreaDirection, value[5]);
                    break;
                case Jt808AdditionalItemId.RoadSectionTime when value.Length == 7:
                    records.AddIo(Jt808IoNames.RoadSectionId, BinaryPrimitives.ReadUInt32BigEndian(value));
                    records.AddIo(Jt808IoNames.RoadSectionTimeS, BinaryPrimitives.ReadUInt16BigEndian(value[4..]));
                    records.AddIo(Jt808IoNames.RoadSectionResult, value[6]);
                    break;
                default:
                    AddRaw(records, id, value);
                    break;
            }
        }

        return null;
    }

    // Any other item, or a named one of unexpected length: kept under its numeric id.
    private static void AddRaw(RecordBatch records, byte id, ReadOnlySpan<byte> value)
    {
        if (value.Length > sizeof(long))
        {
            records.AddIoBytes(id, value);
            return;
        }

        long number = 0;
        foreach (var b in value)
        {
            number = (number << 8) | b;
        }

        records.AddIo(id, number);
    }
}
