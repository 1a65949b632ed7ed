using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Teltonika;

namespace Telematics.Devices.Load;

/// <summary>
/// A Teltonika device: IMEI login (answered 0x01), then Codec 8 AVL packets of N records with
/// the IO a typical FMB tracker sends (ignition, movement, GSM, voltages, GNSS status, odometer).
/// Per packet only the record times (8 bytes each) and the CRC are patched. The ack is the
/// record count (4 bytes), checked against the records sent.
/// </summary>
internal sealed class TeltonikaLoadDevice : LoadDevice
{
    // Preamble (4) and data length (4) come before the data; codec id and record count start it.
    private const int DataOffset = 8;
    private const int FirstRecordOffset = DataOffset + 2;

    // IO ids of Teltonika's FMB table that TeltonikaIoId does not name.
    private const ushort GsmSignalIo = 21;
    private const ushort GnssStatusIo = 69;
    private const ushort BatteryVoltageIo = 67;

    private readonly byte[] _frame;
    private readonly int _dataLength;
    private readonly int _recordLength;

    public TeltonikaLoadDevice(string imei, int recordsPerFrame, double lat, double lon)
        : base(imei, recordsPerFrame)
    {
        var records = new RecordBatch();
        for (var i = 0; i < recordsPerFrame; i++)
        {
            ref var r = ref records.Add();
            r.TimeMs = 1_700_000_000_000L + (i * 1000L);
            r.Lat = lat;
            r.Lon = lon;
            r.SpeedKmh = 52;
            r.Heading = 135;
            r.AltitudeM = 260;
            r.Satellites = 11;
            r.Valid = true;
            r.Ignition = true;
            r.OdometerKm = 123_456.7;
            records.AddIo(TeltonikaIoId.Movement, 1);
            records.AddIo(GsmSignalIo, 4);
            records.AddIo(GnssStatusIo, 1);
            records.AddIo(TeltonikaIoId.ExternalVoltage, 12_800);
            records.AddIo(BatteryVoltageIo, 4_100);
        }

        var writer = new ArrayBufferWriter<byte>(64 * recordsPerFrame);
        TeltonikaEncoder.WriteAvlPacket(writer, TeltonikaCodecId.Codec8, records);
        _frame = writer.WrittenSpan.ToArray();
        _dataLength = (int)BinaryPrimitives.ReadUInt32BigEndian(_frame.AsSpan(4));
        _recordLength = (_dataLength - 3) / recordsPerFrame;
        for (var i = 0; i < recordsPerFrame; i++)
        {
            if (BinaryPrimitives.ReadInt64BigEndian(_frame.AsSpan(FirstRecordOffset + (i * _recordLength))) != records[i].TimeMs)
            {
                throw new InvalidOperationException("The Teltonika template's records are not all the same length.");
            }
        }
    }

    public override async ValueTask LoginAsync(LoadConnection connection, CancellationToken cancellationToken)
    {
        var login = new ArrayBufferWriter<byte>(32);
        TeltonikaEncoder.WriteLogin(login, DeviceId);
        await connection.SendAsync(login.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var accepted = await connection.ReadReplyAsync<bool>(TeltonikaReplyReader.TryReadLoginReply, cancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            throw new LoadProtocolException($"Teltonika login of {DeviceId} refused (0x00)");
        }
    }

    public override ReadOnlyMemory<byte> NextFrame(long firstTimeMs, out long expectedKey)
    {
        var frame = _frame.AsSpan();
        for (var i = 0; i < RecordsPerFrame; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(frame[(FirstRecordOffset + (i * _recordLength))..], firstTimeMs + (i * 1000L));
        }

        var crc = TeltonikaCrc.Compute(frame.Slice(DataOffset, _dataLength));
        BinaryPrimitives.WriteUInt32BigEndian(frame[(DataOffset + _dataLength)..], crc);
        expectedKey = RecordsPerFrame;
        return _frame;
    }

    public override bool TryReadAck(ref ReadOnlySequence<byte> buffer, out long key)
    {
        var complete = TeltonikaReplyReader.TryReadAck(ref buffer, out var count);
        key = count;
        return complete;
    }

    public override string DescribeKey(long key) => key.ToString(CultureInfo.InvariantCulture) + " records";
}
