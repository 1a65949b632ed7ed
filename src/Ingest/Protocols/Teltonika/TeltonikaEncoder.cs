using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// Writes what a Teltonika device puts on its TCP stream, for device simulators and round-trip tests.
/// Read the server's answers with <see cref="TeltonikaReplyReader"/>.
/// </summary>
public static class TeltonikaEncoder
{
    /// <summary>Record counts are one byte: a packet carries at most this many records.</summary>
    public const int MaxRecordsPerPacket = byte.MaxValue;

    /// <summary>Codec 12 "type" of a device's response to a GPRS command.</summary>
    public const byte CommandResponseType = 0x06;

    // Record priority: "Low" for routine records, "High" for events, "Panic" for SOS.
    private const byte PriorityLow = 0;
    private const byte PriorityHigh = 1;

    // Codec 16 generation type: "Eventual" for a record an IO event triggered, "Periodical" otherwise.
    private const byte GenerationEventual = 6;
    private const byte GenerationPeriodical = 7;

    // Time (8), priority (1), longitude (4), latitude (4), altitude (2), angle (2), satellites (1), speed (2).
    private const int GpsElementLength = 24;

    // Normalised fields the encoder can add as IO: ignition, odometer, driver, crash, unplug, green driving.
    private const int MaxExtras = 6;

    /// <summary>The IMEI login: 2-byte length, then the IMEI in ASCII digits.</summary>
    /// <exception cref="ArgumentException">The IMEI is empty, longer than <see cref="TeltonikaSession.MaxImeiDigits"/>, or not all digits.</exception>
    public static void WriteLogin(IBufferWriter<byte> writer, string imei)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(imei);
        if (imei.Length is 0 or > TeltonikaSession.MaxImeiDigits || !imei.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An IMEI is 1 to 20 ASCII digits.", nameof(imei));
        }

        var span = writer.GetSpan(2 + imei.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)imei.Length);
        for (var i = 0; i < imei.Length; i++)
        {
            span[2 + i] = (byte)imei[i];
        }

        writer.Advance(2 + imei.Length);
    }

    /// <summary>The one-byte keep-alive ping (0xFF); the server does not answer it.</summary>
    public static void WriteKeepAlive(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.GetSpan(1)[0] = TeltonikaSession.KeepAlive;
        writer.Advance(1);
    }

    /// <summary>All records of <paramref name="records"/> as one AVL packet; see the other overload.</summary>
    public static void WriteAvlPacket(IBufferWriter<byte> writer, TeltonikaCodecId codec, RecordBatch records)
    {
        ArgumentNullException.ThrowIfNull(records);
        WriteAvlPacket(writer, codec, records, 0, records.Count);
    }

    /// <summary>
    /// Records <paramref name="start"/> to <paramref name="start"/>+<paramref name="count"/> of
    /// <paramref name="records"/> as one AVL packet in Codec 8, 8 Extended or 16. The server acks it
    /// with the record count (<see cref="TeltonikaReplyReader.TryReadAck"/>).
    /// <para>
    /// Each record's numeric IO (ids, not names) goes into the 1-, 2-, 4- or 8-byte group its value
    /// fits (negative values into the 8-byte group); bytes IO into Codec 8 Extended's variable group.
    /// Normalised fields with no IO of their own are written as their IO: <c>Ignition</c> → 239,
    /// <c>OdometerKm</c> → 16 (metres), <c>DriverId</c> (up to 16 hex digits) → 78, alarms
    /// <c>Collision</c> → 247, <c>PowerCut</c> → 252, <c>HarshAcceleration/Braking/Cornering</c> → 253
    /// (1/2/3); <c>Sos</c> → priority "Panic". An IO named <see cref="TeltonikaIoId.EventIoName"/> becomes
    /// the event IO id. Other alarms and names have no Teltonika form and are left out. Validity is not on
    /// the wire: a decoder reads a record with 0 satellites as invalid.
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The codec does not carry records; more than 255 records; or an IO the codec cannot hold
    /// (an id over 255 or bytes in Codec 8, bytes in Codec 16, over 255 IO in a group of Codec 8 or 16).
    /// </exception>
    public static void WriteAvlPacket(IBufferWriter<byte> writer, TeltonikaCodecId codec, RecordBatch records, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        if (codec is not (TeltonikaCodecId.Codec8 or TeltonikaCodecId.Codec8Extended or TeltonikaCodecId.Codec16))
        {
            throw new ArgumentException("Only Codec 8, 8 Extended and 16 carry records.", nameof(codec));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxRecordsPerPacket);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, records.Count, nameof(count));

        var layout = new Layout(codec);
        var dataLength = 3;
        for (var i = start; i < start + count; i++)
        {
            dataLength += MeasureRecord(layout, records, ref records[i]);
        }

        var total = TeltonikaSession.AvlOverhead + dataLength;
        var w = new SpanWriter(writer.GetSpan(total));
        w.U32(0); // preamble
        w.U32((uint)dataLength);
        w.U8((byte)codec);
        w.U8((byte)count);
        for (var i = start; i < start + count; i++)
        {
            WriteRecord(layout, records, ref records[i], ref w);
        }

        w.U8((byte)count);
        var crc = TeltonikaCrc.Compute(w.Written.Slice(TeltonikaSession.AvlHeaderLength, dataLength));
        w.U32(crc);
        Debug.Assert(w.Written.Length == total, "the measured and the written packet differ");
        writer.Advance(total);
    }

    /// <summary>A device's Codec 12 response to a GPRS command (type 0x06, one response); accepted by the server with no ack.</summary>
    public static void WriteCommandResponse(IBufferWriter<byte> writer, ReadOnlySpan<byte> response)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Codec id, quantity, type, 4-byte size, the response, quantity.
        var dataLength = 1 + 1 + 1 + 4 + response.Length + 1;
        var total = TeltonikaSession.AvlOverhead + dataLength;
        var w = new SpanWriter(writer.GetSpan(total));
        w.U32(0);
        w.U32((uint)dataLength);
        w.U8((byte)TeltonikaCodecId.Codec12);
        w.U8(1);
        w.U8(CommandResponseType);
        w.U32((uint)response.Length);
        w.Bytes(response);
        w.U8(1);
        w.U32(TeltonikaCrc.Compute(w.Written.Slice(TeltonikaSession.AvlHeaderLength, dataLength)));
        writer.Advance(total);
    }

    private static int MeasureRecord(in Layout layout, RecordBatch records, ref DecodedRecord r)
    {
        var io = records.IoOf(r);
        Span<Extra> extras = stackalloc Extra[MaxExtras];
        var extraCount = CollectExtras(r, io, extras);
        var length = GpsElementLength + layout.IdSize + (layout.Codec == TeltonikaCodecId.Codec16 ? 1 : 0) + (layout.CountSize * 5);
        foreach (ref readonly var e in io)
        {
            if (e.Name is not null)
            {
                continue;
            }

            if (e.IsBytes)
            {
                if (!layout.HasVariableGroup)
                {
                    throw new ArgumentException("Variable-length IO needs Codec 8 Extended.", nameof(records));
                }

                if (e.BytesLength > ushort.MaxValue)
                {
                    throw new ArgumentException("A variable-length IO value holds at most 65535 bytes.", nameof(records));
                }

                length += 4 + e.BytesLength;
            }
            else
            {
                length += layout.IdSize + GroupOf(e.Value);
                layout.CheckId(e.Id);
            }
        }

        foreach (var e in extras[..extraCount])
        {
            length += layout.IdSize + GroupOf(e.Value);
        }

        return layout.HasVariableGroup ? length + 2 : length;
    }

    private static void WriteRecord(in Layout layout, RecordBatch records, ref DecodedRecord r, ref SpanWriter w)
    {
        var io = records.IoOf(r);
        Span<Extra> buffer = stackalloc Extra[MaxExtras];
        var extras = buffer[..CollectExtras(r, io, buffer)];

        w.U64((ulong)r.TimeMs);
        w.U8((r.Alarms & DeviceAlarms.Sos) != 0 ? TeltonikaRecordDecoder.PriorityPanic : r.Alarms != DeviceAlarms.None ? PriorityHigh : PriorityLow);
        w.U32((uint)ToE7(r.Lon)); // longitude before latitude
        w.U32((uint)ToE7(r.Lat));
        w.U16((ushort)(short)Math.Clamp(r.AltitudeM, short.MinValue, short.MaxValue));
        w.U16((ushort)Math.Clamp(r.Heading, 0, ushort.MaxValue));
        w.U8((byte)Math.Clamp(r.Satellites, 0, byte.MaxValue));
        w.U16((ushort)Math.Clamp(Math.Round(r.SpeedKmh), 0, ushort.MaxValue));

        var eventId = 0;
        var numeric = extras.Length;
        var variable = 0;
        foreach (ref readonly var e in io)
        {
            if (e.Name == TeltonikaIoId.EventIoName)
            {
                eventId = (int)e.Value;
            }
            else if (e.Name is null)
            {
                _ = e.IsBytes ? variable++ : numeric++;
            }
        }

        layout.CheckId(eventId);
        w.Var(eventId, layout.IdSize);
        if (layout.Codec == TeltonikaCodecId.Codec16)
        {
            w.U8(eventId != 0 ? GenerationEventual : GenerationPeriodical);
        }

        w.Var(numeric + variable, layout.CountSize);
        WriteGroup(layout, io, extras, 1, ref w);
        WriteGroup(layout, io, extras, 2, ref w);
        WriteGroup(layout, io, extras, 4, ref w);
        WriteGroup(layout, io, extras, 8, ref w);
        if (layout.HasVariableGroup)
        {
            w.U16((ushort)variable);
            foreach (ref readonly var e in io)
            {
                if (e.Name is null && e.IsBytes)
                {
                    w.U16(e.Id);
                    w.U16((ushort)e.BytesLength);
                    w.Bytes(records.BytesOf(e));
                }
            }
        }
    }

    private static void WriteGroup(in Layout layout, scoped ReadOnlySpan<IoElement> io, scoped ReadOnlySpan<Extra> extras, int size, ref SpanWriter w)
    {
        var count = 0;
        foreach (ref readonly var e in io)
        {
            if (e.Name is null && !e.IsBytes && GroupOf(e.Value) == size)
            {
                count++;
            }
        }

        foreach (var e in extras)
        {
            if (GroupOf(e.Value) == size)
            {
                count++;
            }
        }

        layout.CheckCount(count);
        w.Var(count, layout.CountSize);
        foreach (ref readonly var e in io)
        {
            if (e.Name is null && !e.IsBytes && GroupOf(e.Value) == size)
            {
                w.Var(e.Id, layout.IdSize);
                w.Value(e.Value, size);
            }
        }

        foreach (var e in extras)
        {
            if (GroupOf(e.Value) == size)
            {
                w.Var(e.Id, layout.IdSize);
                w.Value(e.Value, size);
            }
        }
    }

    /// <summary>The IO that the record's normalised fields stand for and that its own IO lacks.</summary>
    private static int CollectExtras(in DecodedRecord r, ReadOnlySpan<IoElement> io, Span<Extra> extras)
    {
        var n = 0;
        if (r.Ignition is { } ignition && !HasIo(io, TeltonikaIoId.Ignition))
        {
            extras[n++] = new Extra(TeltonikaIoId.Ignition, ignition ? 1 : 0);
        }

        if (r.OdometerKm is { } km && !HasIo(io, TeltonikaIoId.TotalOdometer))
        {
            extras[n++] = new Extra(TeltonikaIoId.TotalOdometer, (long)Math.Round(km * 1000.0));
        }

        if (r.DriverId is { } driver && !HasIo(io, TeltonikaIoId.IButton))
        {
            extras[n++] = new Extra(TeltonikaIoId.IButton, (long)ParseDriverId(driver));
        }

        if ((r.Alarms & DeviceAlarms.Collision) != 0 && !HasIo(io, TeltonikaIoId.CrashDetection))
        {
            extras[n++] = new Extra(TeltonikaIoId.CrashDetection, 1);
        }

        if ((r.Alarms & DeviceAlarms.PowerCut) != 0 && !HasIo(io, TeltonikaIoId.Unplug))
        {
            extras[n++] = new Extra(TeltonikaIoId.Unplug, 1);
        }

        var greenDriving = (r.Alarms & DeviceAlarms.HarshAcceleration) != 0 ? TeltonikaIoId.GreenDrivingAcceleration
            : (r.Alarms & DeviceAlarms.HarshBraking) != 0 ? TeltonikaIoId.GreenDrivingBraking
            : (r.Alarms & DeviceAlarms.HarshCornering) != 0 ? TeltonikaIoId.GreenDrivingCornering
            : 0;
        if (greenDriving != 0 && !HasIo(io, TeltonikaIoId.GreenDrivingType))
        {
            extras[n++] = new Extra(TeltonikaIoId.GreenDrivingType, greenDriving);
        }

        return n;
    }

    private static bool HasIo(ReadOnlySpan<IoElement> io, ushort id)
    {
        foreach (ref readonly var e in io)
        {
            if (e.Id == id && e.Name is null)
            {
                return true;
            }
        }

        return false;
    }

    private static ulong ParseDriverId(string driverId) =>
        driverId.Length <= 16 && ulong.TryParse(driverId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException("A Teltonika driver id (iButton) is up to 16 hex digits.", nameof(driverId));

    /// <summary>The smallest IO group (1, 2, 4 or 8 bytes) that holds the value as an unsigned number.</summary>
    private static int GroupOf(long value) => value switch
    {
        >= 0 and <= byte.MaxValue => 1,
        >= 0 and <= ushort.MaxValue => 2,
        >= 0 and <= uint.MaxValue => 4,
        _ => 8,
    };

    private static int ToE7(double degrees) => (int)Math.Clamp(Math.Round(degrees * 1e7), int.MinValue, int.MaxValue);

    private readonly record struct Extra(ushort Id, long Value);

    /// <summary>Widths of ids and counts in a codec.</summary>
    private readonly struct Layout(TeltonikaCodecId codec)
    {
        public TeltonikaCodecId Codec { get; } = codec;

        public int IdSize { get; } = codec == TeltonikaCodecId.Codec8 ? 1 : 2;

        public int CountSize { get; } = codec == TeltonikaCodecId.Codec8Extended ? 2 : 1;

        public bool HasVariableGroup => Codec == TeltonikaCodecId.Codec8Extended;

        public void CheckId(int id)
        {
            if (IdSize == 1 && id > byte.MaxValue)
            {
                throw new ArgumentException("Codec 8 holds IO ids up to 255.", nameof(id));
            }
        }

        public void CheckCount(int count)
        {
            if (CountSize == 1 && count > byte.MaxValue)
            {
                throw new ArgumentException("Codec 8 and 16 hold up to 255 IO per group.", nameof(count));
            }
        }
    }

    /// <summary>Big-endian writes into a span sized beforehand.</summary>
    private ref struct SpanWriter(Span<byte> span)
    {
        private readonly Span<byte> _span = span;
        private int _position;

        public readonly ReadOnlySpan<byte> Written => _span[.._position];

        public void U8(byte value) => _span[_position++] = value;

        public void U16(ushort value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_span[_position..], value);
            _position += 2;
        }

        public void U32(uint value)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_span[_position..], value);
            _position += 4;
        }

        public void U64(ulong value)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_span[_position..], value);
            _position += 8;
        }

        /// <summary>An id or count, 1 or 2 bytes wide.</summary>
        public void Var(int value, int size)
        {
            if (size == 1)
            {
                U8((byte)value);
            }
            else
            {
                U16((ushort)value);
            }
        }

        public void Value(long value, int size)
        {
            switch (size)
            {
                case 1:
                    U8((byte)value);
                    break;
                case 2:
                    U16((ushort)value);
                    break;
                case 4:
                    U32((uint)value);
                    break;
                default:
                    U64((ulong)value);
                    break;
            }
        }

        public void Bytes(scoped ReadOnlySpan<byte> value)
        {
            value.CopyTo(_span[_position..]);
            _position += value.Length;
        }
    }
}
