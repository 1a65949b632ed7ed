using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;

namespace Telematics.Ingest.Tests.Protocols.Teltonika;

/// <summary>What decoding one frame produced: the result, the records (as comparable text) and the reply bytes.</summary>
internal sealed record Decoded(DecodeResult Result, RecordBatch Records, string ReplyHex)
{
    public IReadOnlyList<string> Lines => TeltonikaTestKit.Describe(Records);
}

/// <summary>A gate that admits only the listed IMEIs.</summary>
internal sealed class ListGate(params string[] admitted) : IDeviceGate
{
    public bool Admit(string deviceId) => admitted.Contains(deviceId);

    public TimeSpan? UtcOffset(string deviceId) => null;
}

internal static class TeltonikaTestKit
{
    public const string Imei = "356307042441013";

    public static TeltonikaSession Session(bool requireLogin = false, IDeviceGate? gate = null) =>
        (TeltonikaSession)new TeltonikaProtocol().CreateSession(new SessionOptions
        {
            RequireLogin = requireLogin,
            Gate = gate ?? AdmitAllDevices.Instance,
        });

    public static TeltonikaSession LoggedInSession()
    {
        var session = Session(requireLogin: true);
        var login = Decode(session, LoginBytes(Imei));
        Assert.Equal(DecodeStatus.Accepted, login.Result.Status);
        return session;
    }

    public static Decoded Decode(IProtocolSession session, byte[] frame) => Decode(session, new ReadOnlySequence<byte>(frame));

    public static Decoded Decode(IProtocolSession session, in ReadOnlySequence<byte> frame)
    {
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        var result = session.Decode(frame, records, reply);
        return new Decoded(result, records, Convert.ToHexString(reply.WrittenSpan));
    }

    /// <summary>Frames the whole buffer (it must hold exactly one frame) and decodes it.</summary>
    public static Decoded ReadAndDecode(IProtocolSession session, ReadOnlySequence<byte> buffer)
    {
        Assert.True(session.TryReadFrame(ref buffer, out var frame, out var skipped));
        Assert.Equal(0, skipped);
        Assert.True(buffer.IsEmpty);
        return Decode(session, frame);
    }

    public static byte[] LoginBytes(string imei)
    {
        var writer = new ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteLogin(writer, imei);
        return writer.WrittenSpan.ToArray();
    }

    public static byte[] Encode(TeltonikaCodecId codec, RecordBatch records)
    {
        var writer = new ArrayBufferWriter<byte>();
        TeltonikaEncoder.WriteAvlPacket(writer, codec, records);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>An AVL packet around <paramref name="dataHex"/> (codec id through count 2), with its right length and CRC.</summary>
    public static byte[] Packet(string dataHex)
    {
        var data = Convert.FromHexString(dataHex);
        var packet = new byte[data.Length + 12];
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(4), data.Length);
        data.CopyTo(packet.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8 + data.Length), TeltonikaCrc.Compute(data));
        return packet;
    }

    /// <summary>Recomputes the CRC of a packet whose data was changed on purpose.</summary>
    public static byte[] WithFixedCrc(byte[] packet)
    {
        var copy = (byte[])packet.Clone();
        var n = copy.Length - 12;
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(8 + n), TeltonikaCrc.Compute(copy.AsSpan(8, n)));
        return copy;
    }

    /// <summary>Every field of every record, IO included, as text: equal lists mean equal decodes.</summary>
    public static IReadOnlyList<string> Describe(RecordBatch records)
    {
        var lines = new List<string>();
        for (var i = 0; i < records.Count; i++)
        {
            ref var r = ref records[i];
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture,
                $"{r.TimeMs} {r.Lat:R},{r.Lon:R} {r.SpeedKmh:R}km/h {r.Heading}° {r.AltitudeM}m sats={r.Satellites} valid={r.Valid} ign={r.Ignition} odo={r.OdometerKm:R} driver={r.DriverId} alarms={r.Alarms} io:");
            foreach (var e in records.IoOf(r))
            {
                text.Append(' ').Append(e.Name ?? e.Id.ToString(CultureInfo.InvariantCulture)).Append('=');
                text.Append(e.IsBytes ? Convert.ToHexString(records.BytesOf(e)) : e.Value.ToString(CultureInfo.InvariantCulture));
            }

            lines.Add(text.ToString());
        }

        return lines;
    }
}
