namespace Telematics.Rules.Positions;

/// <summary>
/// One raw device value, kept as the device sent it: a number, or bytes for variable-length
/// elements. <see cref="Key"/> is the protocol's own id in decimal ("239" for Teltonika ignition)
/// or a name where the protocol defines one.
/// </summary>
public readonly record struct IoValue(string Key, long Number, byte[]? Bytes = null)
{
    public bool IsBytes => Bytes is not null;
}
