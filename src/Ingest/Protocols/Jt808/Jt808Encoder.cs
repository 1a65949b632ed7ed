using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Telematics.Rules.Positions;

namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// Writes terminal-side JT808 frames (escaped, with checksum) for device simulators and tests.
/// The caller advances <see cref="Jt808FrameHeader.Serial"/> between messages
/// (<see cref="Jt808FrameHeader.Next"/>). Read the platform's answers with <see cref="Jt808ReplyReader"/>.
/// </summary>
public static class Jt808Encoder
{
    /// <summary>The standard's time zone for device clocks: Beijing time.</summary>
    public static readonly TimeSpan DefaultUtcOffset = TimeSpan.FromHours(8);

    /// <summary>A frame's body holds at most 1023 bytes: about 25 records per batch with mileage and satellites.</summary>
    public const int MaxBodyLength = Jt808Framing.MaxBodyLength;

    /// <summary>0x0100 terminal registration; the platform answers 0x8100 with the auth code.</summary>
    public static void WriteRegistration(IBufferWriter<byte> output, in Jt808FrameHeader header, Jt808Registration? registration = null)
    {
        var reg = registration ?? new Jt808Registration();
        var is2019 = header.Version == Jt808Version.V2019;
        Span<byte> body = stackalloc byte[MaxBodyLength];
        BinaryPrimitives.WriteUInt16BigEndian(body, reg.Province);
        BinaryPrimitives.WriteUInt16BigEndian(body[2..], reg.City);
        var p = 4;
        p += WriteFixed(body[p..], reg.Manufacturer, is2019 ? 11 : 5);
        p += WriteFixed(body[p..], reg.Model, is2019 ? 30 : 20);
        p += WriteFixed(body[p..], reg.TerminalId, is2019 ? 30 : 7);
        body[p++] = reg.PlateColor;
        p += WriteFixed(body[p..], reg.Plate, Math.Min(reg.Plate.Length, MaxBodyLength - p));
        Write(output, header, Jt808MessageId.Registration, body[..p]);
    }

    /// <summary>
    /// 0x0102 terminal authentication with the code from the registration response. 2013: the body
    /// is the code. 2019: code length, code, IMEI (15 bytes) and software version (20 bytes), 0-padded.
    /// </summary>
    public static void WriteAuthentication(
        IBufferWriter<byte> output, in Jt808FrameHeader header, string authCode, string imei = "", string softwareVersion = "")
    {
        Span<byte> body = stackalloc byte[MaxBodyLength];
        int p;
        if (header.Version == Jt808Version.V2019)
        {
            var code = Math.Min(authCode.Length, 255);
            body[0] = (byte)code;
            p = 1 + WriteFixed(body[1..], authCode, code);
            p += WriteFixed(body[p..], imei, 15);
            p += WriteFixed(body[p..], softwareVersion, 20);
        }
        else
        {
            p = WriteFixed(body, authCode, Math.Min(authCode.Length, MaxBodyLength));
        }

        Write(output, header, Jt808MessageId.Authentication, body[..p]);
    }

    /// <summary>0x0002 heartbeat (empty body); answered with 0x8001.</summary>
    public static void WriteHeartbeat(IBufferWriter<byte> output, in Jt808FrameHeader header) =>
        Write(output, header, Jt808MessageId.Heartbeat, default);

    /// <summary>0x0003 logout (empty body); answered with 0x8001.</summary>
    public static void WriteLogout(IBufferWriter<byte> output, in Jt808FrameHeader header) =>
        Write(output, header, Jt808MessageId.Logout, default);

    /// <summary>0x0001 terminal general response, the device's answer to a platform command.</summary>
    public static void WriteTerminalGeneralResponse(
        IBufferWriter<byte> output, in Jt808FrameHeader header, ushort replySerial, ushort replyMessageId, Jt808Result result)
    {
        Span<byte> body = stackalloc byte[5];
        BinaryPrimitives.WriteUInt16BigEndian(body, replySerial);
        BinaryPrimitives.WriteUInt16BigEndian(body[2..], replyMessageId);
        body[4] = (byte)result;
        Write(output, header, Jt808MessageId.TerminalGeneralResponse, body);
    }

    /// <summary>
    /// 0x0200 location report of one record, at the protocol's resolution (1e-6 degree, 0.1 km/h,
    /// whole seconds, metres as i16). Alarms default to <see cref="DecodedRecord.Alarms"/> (low 32 bits,
    /// bit 17 dropped) and mileage to <see cref="DecodedRecord.OdometerKm"/> (item 0x01); the satellite
    /// count is always sent (item 0x31), then <paramref name="extraItems"/> as given.
    /// The record's time is written in <paramref name="utcOffset"/> (default GMT+8).
    /// </summary>
    public static void WriteLocation(
        IBufferWriter<byte> output,
        in Jt808FrameHeader header,
        in DecodedRecord record,
        DeviceAlarms? alarms = null,
        double? mileageKm = null,
        TimeSpan? utcOffset = null,
        IReadOnlyList<Jt808AdditionalItem>? extraItems = null)
    {
        Span<byte> body = stackalloc byte[MaxBodyLength];
        var offsetMs = OffsetMs(utcOffset);
        var n = WriteLocationBody(body, record, alarms ?? record.Alarms, mileageKm ?? record.OdometerKm, offsetMs, extraItems);
        Write(output, header, Jt808MessageId.LocationReport, body[..n]);
    }

    /// <summary>
    /// 0x0704 batch upload: each record as a location body with its own alarms and mileage.
    /// <paramref name="blindArea"/> marks them as data buffered while offline (type 1), which the
    /// platform decodes as archived. Throws when the body would exceed 1023 bytes.
    /// </summary>
    public static void WriteLocationBatch(
        IBufferWriter<byte> output,
        in Jt808FrameHeader header,
        ReadOnlySpan<DecodedRecord> records,
        bool blindArea = false,
        TimeSpan? utcOffset = null)
    {
        Span<byte> body = stackalloc byte[MaxBodyLength];
        var offsetMs = OffsetMs(utcOffset);
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)records.Length);
        body[2] = blindArea ? (byte)1 : (byte)0;
        var p = 3;
        foreach (ref readonly var r in records)
        {
            EnsureRoom(body.Length - p, 2 + LocationBodyLength(r.OdometerKm, null));
            var n = WriteLocationBody(body[(p + 2)..], r, r.Alarms, r.OdometerKm, offsetMs, null);
            BinaryPrimitives.WriteUInt16BigEndian(body[p..], (ushort)n);
            p += 2 + n;
        }

        Write(output, header, Jt808MessageId.LocationBatch, body[..p]);
    }

    private static int WriteLocationBody(
        Span<byte> body, in DecodedRecord r, DeviceAlarms alarms, double? mileageKm, long offsetMs, IReadOnlyList<Jt808AdditionalItem>? extraItems)
    {
        EnsureRoom(body.Length, LocationBodyLength(mileageKm, extraItems));
        uint status = 0;
        status |= r.Ignition == true ? 1u : 0;
        status |= r.Valid ? 1u << 1 : 0;
        status |= r.Lat < 0 ? 1u << 2 : 0;
        status |= r.Lon < 0 ? 1u << 3 : 0;
        BinaryPrimitives.WriteUInt32BigEndian(body, (uint)((ulong)alarms & 0xFFFF_FFFF) & ~(1u << 17));
        BinaryPrimitives.WriteUInt32BigEndian(body[4..], status);
        BinaryPrimitives.WriteUInt32BigEndian(body[8..], (uint)Math.Round(Math.Min(Math.Abs(r.Lat), 90) * 1_000_000));
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], (uint)Math.Round(Math.Min(Math.Abs(r.Lon), 180) * 1_000_000));
        BinaryPrimitives.WriteInt16BigEndian(body[16..], (short)Math.Clamp(r.AltitudeM, short.MinValue, short.MaxValue));
        BinaryPrimitives.WriteUInt16BigEndian(body[18..], (ushort)Math.Clamp(Math.Round(r.SpeedKmh * 10), 0, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16BigEndian(body[20..], (ushort)Math.Clamp(r.Heading, 0, ushort.MaxValue));
        Jt808Time.Write(r.TimeMs, offsetMs, body[22..]);
        var p = Jt808LocationReader.BasicLength;
        if (mileageKm is { } km)
        {
            body[p] = Jt808AdditionalItemId.Mileage;
            body[p + 1] = 4;
            BinaryPrimitives.WriteUInt32BigEndian(body[(p + 2)..], (uint)Math.Clamp(Math.Round(km * 10), 0, uint.MaxValue));
            p += 6;
        }

        body[p] = Jt808AdditionalItemId.SatelliteCount;
        body[p + 1] = 1;
        body[p + 2] = (byte)Math.Clamp(r.Satellites, 0, byte.MaxValue);
        p += 3;
        if (extraItems is not null)
        {
            foreach (var item in extraItems)
            {
                body[p] = item.Id;
                body[p + 1] = (byte)item.Value.Length;
                item.Value.Span.CopyTo(body[(p + 2)..]);
                p += 2 + item.Value.Length;
            }
        }

        return p;
    }

    private static int LocationBodyLength(double? mileageKm, IReadOnlyList<Jt808AdditionalItem>? extraItems)
    {
        var n = Jt808LocationReader.BasicLength + (mileageKm is null ? 0 : 6) + 3;
        if (extraItems is not null)
        {
            foreach (var item in extraItems)
            {
                if (item.Value.Length > byte.MaxValue)
                {
                    throw new ArgumentException("An additional item's value is at most 255 bytes.", nameof(extraItems));
                }

                n += 2 + item.Value.Length;
            }
        }

        return n;
    }

    private static void EnsureRoom(int available, int needed)
    {
        if (needed > available)
        {
            throw new ArgumentException("A JT808 body is at most 1023 bytes; send fewer records or items per frame.");
        }
    }

    private static long OffsetMs(TimeSpan? utcOffset) => (long)(utcOffset ?? DefaultUtcOffset).TotalMilliseconds;

    // Writes exactly `size` bytes: the ASCII text cut or padded with 0x00.
    private static int WriteFixed(Span<byte> destination, string text, int size)
    {
        var field = destination[..size];
        field.Clear();
        var length = Math.Min(text.Length, size);
        Encoding.ASCII.GetBytes(text.AsSpan(0, length), field);
        return size;
    }

    private static void Write(IBufferWriter<byte> output, in Jt808FrameHeader header, ushort messageId, ReadOnlySpan<byte> body)
    {
        var is2019 = header.Version == Jt808Version.V2019;
        Span<byte> terminal = stackalloc byte[is2019 ? 10 : 6];
        Jt808TerminalNumber.Encode(header.TerminalNumber, terminal);
        Jt808Framing.WriteFrame(output, messageId, is2019, header.ProtocolVersion, terminal, header.Serial, body);
    }
}
