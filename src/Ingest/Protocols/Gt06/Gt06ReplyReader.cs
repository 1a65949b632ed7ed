using System.Buffers;
using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Gt06;

/// <summary>
/// The device side of a GT06 connection: reads the frames a server sends (generic replies to
/// login, heartbeat, location and alarm; commands) so that a simulated device can match every
/// ack to the serial it sent. Strict, unlike the server's framing: a server speaks clean frames.
/// </summary>
public static class Gt06ReplyReader
{
    private const int LargestFrame = 0xFFFF + Gt06Frame.LongOverhead;

    /// <summary>
    /// Reads one server frame from the start of <paramref name="buffer"/>: its protocol number
    /// (<see cref="Gt06MessageType"/>; a reply echoes the request's) and serial. Returns false when
    /// the frame is not complete yet, with nothing consumed; on true, advances past the frame.
    /// Throws <see cref="FrameException"/> when the bytes are not a GT06 frame or its CRC is wrong.
    /// </summary>
    public static bool TryReadReply(ref ReadOnlySequence<byte> buffer, out byte protocolNumber, out ushort serial)
    {
        protocolNumber = 0;
        serial = 0;
        if (buffer.IsEmpty)
        {
            return false;
        }

        if (Gt06Frame.FindStart(buffer) != 0)
        {
            FrameException.Throw(Gt06Reasons.MalformedReply);
        }

        switch (Gt06Frame.Measure(buffer, LargestFrame, out var total))
        {
            case Gt06Frame.Shape.Incomplete:
                return false;
            case Gt06Frame.Shape.NotAFrame:
                FrameException.Throw(Gt06Reasons.MalformedReply);
                break;
        }

        var frame = buffer.Slice(0, total);
        Span<byte> head = stackalloc byte[5];
        Span<byte> tail = stackalloc byte[Gt06Frame.TrailerLength];
        frame.Slice(0, head.Length).CopyTo(head);
        frame.Slice(total - tail.Length).CopyTo(tail);
        if (Gt06Crc.Compute(frame.Slice(2, total - 6)) != BinaryPrimitives.ReadUInt16BigEndian(tail[2..]))
        {
            FrameException.Throw(Gt06Reasons.ReplyCrcMismatch);
        }

        protocolNumber = head[0] == Gt06Frame.ShortStart ? head[3] : head[4];
        serial = BinaryPrimitives.ReadUInt16BigEndian(tail);
        buffer = buffer.Slice(total);
        return true;
    }
}
