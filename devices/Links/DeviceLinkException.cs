namespace Telematics.Devices.Links;

/// <summary>The server did not answer as a real device expects (refused login, wrong or missing ack, closed connection).</summary>
public sealed class DeviceLinkException : Exception
{
    public DeviceLinkException(string message)
        : base(message)
    {
    }

    public DeviceLinkException()
    {
    }

    public DeviceLinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
