using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Jt808;

namespace Telematics.Ingest.Tests.Protocols.Jt808;

/// <summary>What decoding a stream came to: results in order, the records, and every reply byte.</summary>
internal sealed record Jt808Outcome(List<DecodeResult> Results, RecordBatch Records, byte[] Reply, long Skipped)
{
    public string ReplyHex => Convert.ToHexStringLower(Reply);

    public DecodeResult Single => Assert.Single(Results);
}

internal static class Jt808Harness
{
    public static IProtocolSession NewSession(bool requireLogin = true, IDeviceGate? gate = null, int maxFrameBytes = 64 * 1024) =>
        new Jt808Protocol().CreateSession(new SessionOptions
        {
            RequireLogin = requireLogin,
            Gate = gate ?? AdmitAllDevices.Instance,
            MaxFrameBytes = maxFrameBytes,
        });

    /// <summary>Hex as the spec frames write it (grouped by field) without the spaces.</summary>
    public static string Norm(string hex) => hex.Replace(" ", string.Empty, StringComparison.Ordinal);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>Frames and decodes every whole frame of <paramref name="stream"/>, as the read loop would.</summary>
    public static Jt808Outcome DecodeAll(IProtocolSession session, ReadOnlySequence<byte> stream)
    {
        var results = new List<DecodeResult>();
        var records = new RecordBatch();
        var reply = new ArrayBufferWriter<byte>();
        long skipped = 0;
        while (session.TryReadFrame(ref stream, out var frame, out var skip))
        {
            skipped += skip;
            results.Add(session.Decode(frame, records, reply));
        }

        return new Jt808Outcome(results, records, reply.WrittenSpan.ToArray(), skipped);
    }

    public static Jt808Outcome DecodeAll(IProtocolSession session, params byte[][] frames) =>
        DecodeAll(session, new ReadOnlySequence<byte>(frames.SelectMany(f => f).ToArray()));

    /// <summary>Decodes one frame given as hex with a fresh server session admitting everything.</summary>
    public static Jt808Outcome DecodeHex(string hex, IProtocolSession? session = null) =>
        DecodeAll(session ?? NewSession(), Hex(hex));

    public static Jt808Reply ParseReply(byte[] bytes)
    {
        Assert.True(Jt808ReplyReader.TryParse(bytes, out var reply), "reply did not parse");
        return reply;
    }

    /// <summary>Adds checksum, escaping and flags to hand-written header+body hex.</summary>
    public static string Build(string content)
    {
        var raw = Hex(content);
        byte cs = 0;
        foreach (var b in raw)
        {
            cs ^= b;
        }

        var escaped = new List<byte> { 0x7E };
        foreach (var b in raw.Append(cs))
        {
            escaped.AddRange(b switch { 0x7E => [0x7D, 0x02], 0x7D => [0x7D, 0x01], _ => [b] });
        }

        escaped.Add(0x7E);
        return Convert.ToHexString(escaped.ToArray());
    }

    public static byte[] Frame(Action<ArrayBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return output.WrittenSpan.ToArray();
    }

    public static List<Jt808Reply> Replies(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var replies = new List<Jt808Reply>();
        while (Jt808ReplyReader.TryReadFrame(ref buffer, out var frame))
        {
            Assert.True(Jt808ReplyReader.TryParse(frame, out var reply));
            replies.Add(reply);
        }

        return replies;
    }
}
