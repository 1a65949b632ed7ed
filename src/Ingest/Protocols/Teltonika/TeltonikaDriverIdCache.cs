using System.Globalization;

namespace Telematics.Ingest.Protocols.Teltonika;

/// <summary>
/// Formats the iButton value as a driver id, remembering the last one: a device reports the same
/// key in every record of a trip, so the string is allocated once per change, not per record.
/// One per session; not thread-safe.
/// </summary>
internal sealed class TeltonikaDriverIdCache
{
    private ulong _lastValue;
    private string? _lastText;

    /// <summary>Null for 0 (no key), else the value as 16 upper-case hex digits.</summary>
    public string? For(ulong value)
    {
        if (value == 0)
        {
            return null;
        }

        if (value != _lastValue || _lastText is null)
        {
            _lastValue = value;
            _lastText = value.ToString("X16", CultureInfo.InvariantCulture);
        }

        return _lastText;
    }
}
