using System.Diagnostics.CodeAnalysis;

namespace Telematics.Ingest.Protocols;

/// <summary>
/// The byte stream cannot be framed any more (declared length over the limit, a header that no
/// frame of the protocol starts with). The connection is closed; the message names the reason,
/// never the raw bytes.
/// </summary>
public sealed class FrameException : Exception
{
    public FrameException(string reason)
        : base(reason)
    {
    }

    public FrameException()
    {
    }

    public FrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Cold path out of line, so that framing code stays small and inlinable.</summary>
    [DoesNotReturn]
    public static void Throw(string reason) => throw new FrameException(reason);
}
