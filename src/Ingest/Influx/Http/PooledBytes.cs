using System.Buffers;

namespace Telematics.Ingest.Influx.Http;

/// <summary>A response body read into an array from <see cref="ArrayPool{T}.Shared"/>; dispose returns it.</summary>
public sealed class PooledBytes : IDisposable
{
    private byte[] _array;

    private PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public static async Task<PooledBytes> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var array = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                if (length == array.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(array.Length * 2);
                    array.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(array);
                    array = bigger;
                }

                var read = await stream.ReadAsync(array.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }

        return new PooledBytes(array, length);
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
