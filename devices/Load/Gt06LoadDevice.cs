using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;

namespace Telematics.Devices.Load;

/// <summary>
/// A GT06 device: login (serial 1, answered with protocol 0x01 and serial 1), then one 0x22
/// location per frame. Per frame the serial, the six time bytes and the CRC are patched. The ack
/// must echo protocol 0x22 and the frame's serial.
/// </summary>
internal sealed class Gt06LoadDevice : LoadDevice
{
    private const int TimeOffset = 4;
    private const ushort LoginSerial = 1;

    private readonly byte[] _frame;
    private ushort _serial = LoginSerial;

    public Gt06LoadDevice(string imei, double lat, double lon)
        : base(imei, LoadSettings.Gt06RecordsPerFrame)
    {
        var record = new DecodedRecord
        {
            TimeMs = 1_700_000_000_000L,
            Lat = lat,
            Lon = lon,
            SpeedKmh = 52,
            Heading = 135,
            Satellites = 11,
            Valid = true,
            Ignition = true,
        };
        var writer = new ArrayBufferWriter<byte>(64);
        Gt06Encoder.WriteLocation(writer, record, 0);
        _frame = writer.WrittenSpan.ToArray();
    }

    public override async ValueTask LoginAsync(LoadConnection connection, CancellationToken cancellationToken)
    {
        var login = new ArrayBufferWriter<byte>(32);
        Gt06Encoder.WriteLogin(login, DeviceId, LoginSerial);
        await connection.SendAsync(login.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var key = await connection.ReadReplyAsync<long>(TryReadKey, cancellationToken).ConfigureAwait(false);
        if (key != Key(Gt06MessageType.Login, LoginSerial))
        {
            throw new LoadProtocolException($"GT06 login of {DeviceId} answered with {DescribeKey(key)}");
        }
    }

    public override ReadOnlyMemory<byte> NextFrame(long firstTimeMs, out long expectedKey)
    {
        _serial = unchecked((ushort)(_serial + 1));
        var frame = _frame.AsSpan();
        var time = DateTime.UnixEpoch.AddMilliseconds(firstTimeMs);
        frame[TimeOffset] = (byte)(time.Year - 2000);
        frame[TimeOffset + 1] = (byte)time.Month;
        frame[TimeOffset + 2] = (byte)time.Day;
        frame[TimeOffset + 3] = (byte)time.Hour;
        frame[TimeOffset + 4] = (byte)time.Minute;
        frame[TimeOffset + 5] = (byte)time.Second;
        BinaryPrimitives.WriteUInt16BigEndian(frame[^6..], _serial);
        BinaryPrimitives.WriteUInt16BigEndian(frame[^4..], Gt06Crc.Compute(frame[2..^4]));
        expectedKey = Key(Gt06MessageType.GpsLbs2, _serial);
        return _frame;
    }

    public override bool TryReadAck(ref ReadOnlySequence<byte> buffer, out long key) => TryReadKey(ref buffer, out key);

    public override string DescribeKey(long key) =>
        string.Create(CultureInfo.InvariantCulture, $"protocol 0x{key >> 16:X2} serial {key & 0xFFFF}");

    private static long Key(byte protocolNumber, ushort serial) => (protocolNumber << 16) | serial;

    private static bool TryReadKey(ref ReadOnlySequence<byte> buffer, out long key)
    {
        try
        {
            var complete = Gt06ReplyReader.TryReadReply(ref buffer, out var protocolNumber, out var serial);
            key = complete ? Key(protocolNumber, serial) : 0;
            return complete;
        }
        catch (FrameException ex)
        {
            throw new LoadProtocolException("GT06 reply malformed: " + ex.Message, ex);
        }
    }
}
