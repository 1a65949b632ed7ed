using System.Buffers;

namespace Telematics.Devices.Load;

/// <summary>
/// One simulated device of a load run: its login exchange, its frame template (encoded once,
/// then only the serial, the record times and the checksum are patched) and its ack reader.
/// Not thread-safe: one per connection.
/// </summary>
internal abstract class LoadDevice(string deviceId, int recordsPerFrame)
{
    /// <summary>Where the simulated devices stand: Lạng Sơn, by the Hữu Nghị border gate.</summary>
    protected const double BaseLat = 21.85;
    protected const double BaseLon = 106.76;

    public string DeviceId { get; } = deviceId;

    public int RecordsPerFrame { get; } = recordsPerFrame;

    public static LoadDevice Create(LoadSettings settings, int index)
    {
        var id = settings.FirstId + index;
        var recordsPerFrame = settings.EffectiveRecordsPerFrame;
        var lat = BaseLat + ((index % 1000) * 1e-4);
        var lon = BaseLon + ((index / 1000 % 1000) * 1e-4);
        return settings.Protocol switch
        {
            LoadProtocol.Teltonika => new TeltonikaLoadDevice(Imei(id), recordsPerFrame, lat, lon),
            LoadProtocol.Gt06 => new Gt06LoadDevice(Imei(id), lat, lon),
            _ => new Jt808LoadDevice(TerminalNumber(id), recordsPerFrame, lat, lon),
        };
    }

    /// <summary>Sends the login and checks the server's answers; throws <see cref="LoadProtocolException"/> when refused.</summary>
    public abstract ValueTask LoginAsync(LoadConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The next frame, its records timed <paramref name="firstTimeMs"/> and then one second apart,
    /// and the ack key that must come back for it. Valid until the next call.
    /// </summary>
    public abstract ReadOnlyMemory<byte> NextFrame(long firstTimeMs, out long expectedKey);

    /// <summary>
    /// Reads one ack off the start of <paramref name="buffer"/>: false (nothing consumed) when it is
    /// not complete. Throws <see cref="LoadProtocolException"/> when the bytes are not an ack.
    /// </summary>
    public abstract bool TryReadAck(ref ReadOnlySequence<byte> buffer, out long key);

    /// <summary>An ack key in words, for error messages.</summary>
    public abstract string DescribeKey(long key);

    /// <summary>A 15-digit IMEI (no Luhn check: the worker does not ask for one).</summary>
    internal static string Imei(long id) => (350_000_000_000_000L + (id % 10_000_000_000_000L)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A 12-digit JT808 terminal number.</summary>
    internal static string TerminalNumber(long id) => (100_000_000_000L + (id % 100_000_000_000L)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The server answered what a device cannot accept: a refused login, an ack that is not one.</summary>
public sealed class LoadProtocolException : Exception
{
    public LoadProtocolException()
    {
    }

    public LoadProtocolException(string message)
        : base(message)
    {
    }

    public LoadProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
