using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;

namespace Telematics.Ingest.Tests.Protocols.Gt06;

/// <summary>What decoding one frame gave: the result, the batch it filled and the reply bytes as hex.</summary>
internal sealed record Decoded(DecodeResult Result, RecordBatch Batch, string ReplyHex);

internal static class Gt06Kit
{
    /// <summary>The Concox document's login example (IMEI 123456789012345, serial 1) and its reply.</summary>
    public const string DocLogin = "78780D01012345678901234500018CDD0D0A";
    public const string DocLoginReply = "787805010001D9DC0D0A";

    /// <summary>The Concox document's 0x12 example (2011-08-29 17:46:16, serial 3).</summary>
    public const string DocLocation = "78781F120B081D112E10CF027AC7EB0C46584900148F01CC00287D001FB8000380810D0A";

    public static Gt06Session Session(bool requireLogin = true, IDeviceGate? gate = null, int maxFrameBytes = 64 * 1024) =>
        new(new SessionOptions { RequireLogin = requireLogin, Gate = gate ?? AdmitAllDevices.Instance, MaxFrameBytes = maxFrameBytes });

    public static Gt06Session LoggedIn(string loginHex = DocLogin, IDeviceGate? gate = null)
    {
        var session = Session(gate: gate);
        var login = Decode(session, loginHex);
        Assert.Equal(DecodeStatus.Accepted, login.Result.Status);
        return session;
    }

    public static Decoded Decode(Gt06Session session, string hex) => Decode(session, Convert.FromHexString(hex));

    /// <summary>Frames the bytes (which must hold exactly one frame) and decodes it.</summary>
    public static Decoded Decode(Gt06Session session, byte[] bytes) => Decode(session, new ReadOnlySequence<byte>(bytes));

    public static Decoded Decode(Gt06Session session, ReadOnlySequence<byte> buffer)
    {
        Assert.True(session.TryReadFrame(ref buffer, out var frame, out var skipped));
        Assert.Equal(0, skipped);
        Assert.True(buffer.IsEmpty);
        return DecodeFrame(session, frame);
    }

    /// <summary>Decodes bytes handed straight to Decode, as if framing had produced them.</summary>
    public static Decoded DecodeFrame(Gt06Session session, in ReadOnlySequence<byte> frame)
    {
        var batch = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        var result = session.Decode(frame, batch, reply);
        return new Decoded(result, batch, Convert.ToHexString(reply.WrittenSpan));
    }

    public static byte[] Encode(Action<ArrayBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return output.WrittenSpan.ToArray();
    }

    public static string Reply(byte protocolNumber, ushort serial) =>
        Convert.ToHexString(Encode(o => Gt06Encoder.WriteReply(o, protocolNumber, serial)));

    /// <summary>The value of a named IO element of the first record.</summary>
    public static long Io(RecordBatch batch, string name)
    {
        foreach (var io in batch.IoOf(batch[0]))
        {
            if (io.Name == name)
            {
                return io.Value;
            }
        }

        throw new KeyNotFoundException(name);
    }

    public static void AssertRejected(Decoded decoded, string reason)
    {
        Assert.Equal(DecodeStatus.Rejected, decoded.Result.Status);
        Assert.Equal(reason, decoded.Result.Reason);
        Assert.Equal(0, decoded.Batch.Count);
        Assert.Equal(string.Empty, decoded.ReplyHex);
    }
}

/// <summary>A registry stand-in: admits the listed devices and gives them an optional clock offset.</summary>
internal sealed class TestGate(IReadOnlyCollection<string> known, TimeSpan? utcOffset = null) : IDeviceGate
{
    public bool Admit(string deviceId) => known.Contains(deviceId);

    public TimeSpan? UtcOffset(string deviceId) => utcOffset;
}
