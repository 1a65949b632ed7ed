using System.Buffers;
using System.Runtime.CompilerServices;

namespace Telematics.Ingest.Influx.LineProtocol;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/> that holds line-protocol
/// text and counts its lines. Reused batch after batch: once grown, writing allocates nothing.
/// Not thread-safe; <see cref="Dispose"/> returns the array to the pool.
/// </summary>
public sealed class LineBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    public LineBuffer(int initialCapacity = 64 * 1024) =>
        _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));

    /// <summary>Complete lines written (each ends with '\n').</summary>
    public int Lines { get; private set; }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

    public ArraySegment<byte> WrittenSegment => new(_array, 0, _length);

    /// <summary>Empties the buffer, keeping its capacity.</summary>
    public void Clear()
    {
        _length = 0;
        Lines = 0;
    }

    /// <summary>Appends lines rendered elsewhere (a spooled batch, a line being retried).</summary>
    public void AppendLines(ReadOnlySpan<byte> lines, int count)
    {
        lines.CopyTo(GetSpan(lines.Length));
        _length += lines.Length;
        Lines += count;
    }

    /// <summary>Commits bytes written into <see cref="GetSpan"/> that hold whole lines.</summary>
    public void Commit(int bytes, int lines)
    {
        Advance(bytes);
        Lines += lines;
    }

    /// <summary>Called by <see cref="LineWriter"/> when a line is complete.</summary>
    internal void LineCompleted() => Lines++;

    /// <summary>Rolls back a line that could not be completed.</summary>
    internal void Truncate(int length) => _length = length;

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_array.Length - _length))
        {
            ThrowAdvancedTooFar();
        }

        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        if (_array.Length - _length < Math.Max(sizeHint, 1))
        {
            Grow(sizeHint);
        }

        return _array.AsSpan(_length);
    }

    private void Ensure(int sizeHint)
    {
        if (_array.Length - _length < Math.Max(sizeHint, 1))
        {
            Grow(sizeHint);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 1);
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _length).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_array);
        _array = next;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private static void ThrowAdvancedTooFar() => throw new InvalidOperationException("Advanced past the end of the buffer");
}
