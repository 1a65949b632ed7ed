namespace Telematics.Devices.Load;

/// <summary>The wire protocol the load generator's devices speak.</summary>
public enum LoadProtocol
{
    Teltonika,
    Gt06,
    Jt808,
}

/// <summary>What one run of the load generator does (the <c>load</c> verb's options).</summary>
public sealed record LoadSettings
{
    /// <summary>A GT06 location frame carries one record.</summary>
    public const int Gt06RecordsPerFrame = 1;

    /// <summary>A JT808 0x0704 batch body (1023 bytes) holds 26 location items with mileage and satellites.</summary>
    public const int Jt808MaxRecordsPerFrame = 26;

    /// <summary>Most frames a connection may have sent and not yet seen acked.</summary>
    public const int MaxInFlight = 16;

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The worker's port; 0 takes the protocol's usual one (<see cref="DefaultPort"/>).</summary>
    public int Port { get; init; }

    public LoadProtocol Protocol { get; init; } = LoadProtocol.Teltonika;

    public int Connections { get; init; } = 1000;

    /// <summary>Records per second over all connections; 0 sends as fast as the acks come back.</summary>
    public int Rate { get; init; }

    public int RecordsPerFrame { get; init; } = 10;

    /// <summary>How long the measurement lasts, after the ramp and the warm-up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Sending before the measurement starts (JIT, pools, GC sizing of the worker).</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>New connections per second while ramping up.</summary>
    public int Ramp { get; init; } = 2000;

    /// <summary>Frames a connection may have in flight (sent, ack not yet read).</summary>
    public int InFlight { get; init; } = 2;

    /// <summary>Connect and log in, then send nothing: for the memory an idle connection costs the worker.</summary>
    public bool Idle { get; init; }

    /// <summary>Added to the connection index to make the device ids, so that runs against one worker can use fresh devices.</summary>
    public long FirstId { get; init; }

    /// <summary>The worker's process id, to report its resident memory (Linux /proc) in the progress and the summary.</summary>
    public int? ServerPid { get; init; }

    public int EffectivePort => Port != 0 ? Port : DefaultPort(Protocol);

    public int EffectiveRecordsPerFrame => Protocol == LoadProtocol.Gt06 ? Gt06RecordsPerFrame : RecordsPerFrame;

    public static int DefaultPort(LoadProtocol protocol) => protocol switch
    {
        LoadProtocol.Teltonika => 5027,
        LoadProtocol.Gt06 => 5023,
        _ => 5015,
    };

    /// <summary>Why these settings cannot run, or null.</summary>
    public string? Validate()
    {
        if (Connections < 1)
        {
            return "--connections must be at least 1";
        }

        if (Rate < 0)
        {
            return "--rate must be 0 (as fast as acks allow) or positive";
        }

        if (Port is < 0 or > 65535)
        {
            return "--port must be 0 to 65535";
        }

        var maxRecords = Protocol switch
        {
            LoadProtocol.Teltonika => Telematics.Ingest.Protocols.Teltonika.TeltonikaEncoder.MaxRecordsPerPacket,
            LoadProtocol.Jt808 => Jt808MaxRecordsPerFrame,
            _ => int.MaxValue,
        };
        if (RecordsPerFrame < 1 || RecordsPerFrame > maxRecords)
        {
            return $"--records-per-frame must be 1 to {maxRecords} for {Protocol}";
        }

        if (InFlight is < 1 or > MaxInFlight)
        {
            return $"--in-flight must be 1 to {MaxInFlight}";
        }

        if (Ramp < 1)
        {
            return "--ramp must be at least 1 connection per second";
        }

        if (Duration <= TimeSpan.Zero || Warmup < TimeSpan.Zero)
        {
            return "--duration must be positive and --warmup not negative";
        }

        return null;
    }
}
