using System.Buffers;

namespace Telematics.Ingest.Protocols;

/// <summary>
/// The per-connection state of one protocol (login, device id, time zone, auth code) and the
/// two halves of its codec: framing and decoding. The shared read loop owns the pipe; a session
/// never touches it. Not thread-safe: one per connection.
/// </summary>
public interface IProtocolSession
{
    /// <summary>The device id once the device has identified itself (IMEI, JT808 terminal number), else null.</summary>
    string? DeviceId { get; }

    /// <summary>
    /// Finds one whole frame at the start of <paramref name="buffer"/> (Kestrel's parser contract).
    /// Returns true with <paramref name="frame"/> set and <paramref name="buffer"/> advanced past it;
    /// returns false when the frame is not complete yet, having consumed nothing but garbage
    /// before a frame start (counted in <paramref name="skippedBytes"/>).
    /// Throws <see cref="FrameException"/> when the stream cannot be framed any more
    /// (declared length over the limit, a header no frame can start with): the connection is closed.
    /// </summary>
    bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, out long skippedBytes);

    /// <summary>
    /// Decodes one whole frame found by <see cref="TryReadFrame"/>: appends its records to
    /// <paramref name="records"/> and writes the device's acknowledgement to <paramref name="reply"/>.
    /// The caller sends the reply only after the records are safely in the pipeline.
    /// A frame that is not good data (bad checksum, malformed body) returns
    /// <see cref="DecodeStatus.Rejected"/> with nothing appended and nothing written.
    /// </summary>
    DecodeResult Decode(in ReadOnlySequence<byte> frame, RecordBatch records, IBufferWriter<byte> reply);
}
