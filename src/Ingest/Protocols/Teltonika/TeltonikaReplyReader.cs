using System.Buffers;
using System.Buffers.Binary;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// The device side of the server's answers: a simulated device reads the login reply after
/// <see cref="TeltonikaEncoder.WriteLogin"/> and an ack after each <see cref="TeltonikaEncoder.WriteAvlPacket(IBufferWriter{byte}, TeltonikaCodecId, RecordBatch)"/>.
/// Both follow the parser contract: false with nothing consumed until the whole reply is there.
/// </summary>
public static class TeltonikaReplyReader
{
    /// <summary>Length of the server's answer to the login.</summary>
    public const int LoginReplyLength = 1;

    /// <summary>Length of the server's ack of an AVL packet.</summary>
    public const int AckLength = 4;

    /// <summary>Reads the one-byte login reply: <paramref name="accepted"/> is true for 0x01, false for 0x00 (the server then closes).</summary>
    public static bool TryReadLoginReply(ref ReadOnlySequence<byte> buffer, out bool accepted)
    {
        if (buffer.IsEmpty)
        {
            accepted = false;
            return false;
        }

        accepted = buffer.FirstSpan.IsEmpty ? ReadFirst(buffer) == TeltonikaSession.LoginAccepted : buffer.FirstSpan[0] == TeltonikaSession.LoginAccepted;
        buffer = buffer.Slice(LoginReplyLength);
        return true;
    }

    /// <summary>Reads a 4-byte big-endian ack: the number of records the server accepted (the device resends the packet when it does not match).</summary>
    public static bool TryReadAck(ref ReadOnlySequence<byte> buffer, out int acceptedRecords)
    {
        if (buffer.Length < AckLength)
        {
            acceptedRecords = 0;
            return false;
        }

        Span<byte> copy = stackalloc byte[AckLength];
        buffer.Slice(0, AckLength).CopyTo(copy);
        acceptedRecords = BinaryPrimitives.ReadInt32BigEndian(copy);
        buffer = buffer.Slice(AckLength);
        return true;
    }

    private static byte ReadFirst(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> one = stackalloc byte[1];
        buffer.Slice(0, 1).CopyTo(one);
        return one[0];
    }
}
