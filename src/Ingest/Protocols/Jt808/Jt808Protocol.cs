namespace Telematics.Ingest.Protocols.Jt808;

/// <summary>
/// JT/T 808 (2011/2013 and 2019 headers) over TCP: 0x7E-delimited, escaped frames with an XOR checksum.
/// </summary>
/// <remarks>
/// Choices where the standard leaves room:
/// <list type="bullet">
/// <item>Device id: the terminal number's BCD digits without leading zeros ("0" if all are zero). A 6-byte
/// number with non-decimal nibbles is a binary IMEI (as Traccar reads it): 48-bit decimal plus Luhn digit.</item>
/// <item>Every header carries the terminal number, so the gate is asked on the first frame of a connection,
/// whatever the message; location data without a prior 0x0102 is accepted once the gate admitted the id
/// (devices reconnect straight into reports). A refused 0x0100 gets 0x8100 result 4, anything else no reply.</item>
/// <item>Auth code issued in 0x8100: the device id (as Traccar does). 0x0102 with another code gets result 1.</item>
/// <item>Times: GMT+8 per the standard unless the gate gives the device's offset.</item>
/// <item>Replies copy the request's header format and terminal bytes and carry the platform's own serial,
/// from 0 per connection, incrementing and wrapping.</item>
/// <item>Encrypted (bits 10-12) and sub-packaged (bit 13) messages get 0x8001 result 3: no key is configured,
/// and positions are never sub-packaged in practice (a location body is far below 1023 bytes).</item>
/// <item>One device per server connection: another terminal number closes it. The decode command
/// (RequireLogin false) follows the terminal number of each frame instead.</item>
/// </list>
/// </remarks>
public sealed class Jt808Protocol : IDeviceProtocol
{
    public string Name => "jt808";

    public int DefaultPort => 5015;

    public IProtocolSession CreateSession(SessionOptions options) => new Jt808Session(options);
}
