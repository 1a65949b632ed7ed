using Telematics.Ingest.Protocols;

namespace Telematics.Devices.Links;

/// <summary>A simulated device's connection to the server, speaking one protocol and checking every ack.</summary>
public interface IDeviceLink : IAsyncDisposable
{
    string Protocol { get; }

    /// <summary>The id the server knows the device by (IMEI, JT808 terminal number without leading zeros).</summary>
    string DeviceId { get; }

    /// <summary>Connects and identifies (Teltonika IMEI, GT06 login, JT808 registration and authentication), checking the replies.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends records and returns once every one is acknowledged correctly; throws
    /// <see cref="DeviceLinkException"/> on a missing or wrong ack. <paramref name="buffered"/>
    /// marks records the device kept while offline (sent as blind-area/re-upload data where the protocol can say so).
    /// </summary>
    Task SendAsync(IReadOnlyList<DecodedRecord> records, bool buffered, CancellationToken cancellationToken);
}
