using System.Buffers;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;
using Telematics.Ingest.Protocols.Jt808;
using Telematics.Ingest.Protocols.Teltonika;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Transport;

/// <summary>
/// Bad input against the real worker over loopback: each case gets a clear outcome (closed
/// connection or refused frame, counted) and another device connected at the same time is unharmed.
/// </summary>
public sealed class DeviceConnectionTests
{
    private const string Imei = "356307042441013";
    private const string OtherImei = "356307042441021";

    [Fact]
    public async Task A_connection_that_never_identifies_itself_is_closed_after_the_login_timeout()
    {
        await using var worker = await WorkerHost.StartAsync(null, "--Telematics:Limits:LoginTimeout=00:00:00.300");
        await using var silent = await RawDevice.ConnectAsync(worker.PortOf("teltonika"));

        Assert.True(await silent.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_logged_in_device_that_goes_silent_is_closed_after_the_idle_timeout()
    {
        await using var worker = await WorkerHost.StartAsync(null, "--Telematics:Limits:IdleTimeout=00:00:00.300");
        await using var device = await RawDevice.ConnectAsync(worker.PortOf("teltonika"));
        await device.SendAsync(Encode(w => TeltonikaEncoder.WriteLogin(w, Imei)));
        Assert.Equal("01", await device.ReadHexAsync(1));

        Assert.True(await device.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_and_the_admitted_ones_keep_working()
    {
        await using var worker = await WorkerHost.StartAsync(null, "--Telematics:Listeners:gt06:MaxConnections=3");
        var port = worker.PortOf("gt06");
        var admitted = new List<RawDevice>();
        for (var i = 0; i < 3; i++)
        {
            var device = await RawDevice.ConnectAsync(port);
            await device.SendAsync(Encode(w => Gt06Encoder.WriteLogin(w, "86805004000000" + i, 1)));
            Assert.Equal(20, (await device.ReadHexAsync(Gt06Encoder.ReplyLength)).Length);
            admitted.Add(device);
        }

        Assert.True(await IsClosedByServerAsync(port), "the fourth connection is closed");

        var record = new DecodedRecord { TimeMs = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), Lat = 21.85, Lon = 106.76, Valid = true, Satellites = 9 };
        await admitted[0].SendAsync(Encode(w => Gt06Encoder.WriteLocation(w, record, 2)));
        Assert.Equal(20, (await admitted[0].ReadHexAsync(Gt06Encoder.ReplyLength)).Length);
        foreach (var device in admitted)
        {
            await device.DisposeAsync();
        }
    }

    [Fact]
    public async Task Garbage_without_a_frame_start_closes_that_connection_only()
    {
        await using var worker = await WorkerHost.StartAsync(null, "--Telematics:Limits:MaxGarbageBytes=1000");
        var port = worker.PortOf("gt06");
        await using var good = await RawDevice.ConnectAsync(port);
        await using var bad = await RawDevice.ConnectAsync(port);

        await bad.SendAsync(Enumerable.Repeat((byte)0x41, 3000).ToArray());
        Assert.True(await bad.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));

        await good.SendAsync(Encode(w => Gt06Encoder.WriteLogin(w, "868050040000001", 7)));
        Assert.Equal(20, (await good.ReadHexAsync(Gt06Encoder.ReplyLength)).Length);
    }

    [Fact]
    public async Task A_huge_declared_length_closes_the_connection_without_allocating_it()
    {
        await using var worker = await WorkerHost.StartAsync();
        var port = worker.PortOf("teltonika");
        await using var bad = await RawDevice.ConnectAsync(port);
        await bad.SendAsync(Encode(w => TeltonikaEncoder.WriteLogin(w, Imei)));
        Assert.Equal("01", await bad.ReadHexAsync(1));

        await bad.SendHexAsync("000000007fffffff08");
        Assert.True(await bad.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        Assert.True(worker.Metrics.BadFramesTotal >= 1);

        await using var good = await RawDevice.ConnectAsync(port);
        await good.SendAsync(Encode(w => TeltonikaEncoder.WriteLogin(w, OtherImei)));
        Assert.Equal("01", await good.ReadHexAsync(1));
    }

    [Fact]
    public async Task A_frame_with_a_bad_checksum_is_not_acked_and_the_resent_good_frame_is()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var device = await RawDevice.ConnectAsync(worker.PortOf("jt808"));
        var header = new Jt808FrameHeader("013912345678", 1);
        var record = new DecodedRecord { TimeMs = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), Lat = 21.85, Lon = 106.76, Valid = true, Satellites = 9 };
        var good = Encode(w => Jt808Encoder.WriteLocation(w, header, record));
        var corrupted = (byte[])good.Clone();
        // The checksum byte, changed to another value that is not a flag or escape byte either.
        corrupted[^2] = (byte)(good[^2] ^ 0x01);
        if (corrupted[^2] is 0x7D or 0x7E)
        {
            corrupted[^2] = (byte)(good[^2] ^ 0x10);
        }


        await device.SendAsync(corrupted);
        Assert.True(await device.IsSilentAsync(TimeSpan.FromMilliseconds(300)));

        await device.SendAsync(good);
        var reply = Convert.FromHexString(await device.ReadHexAsync(20));
        Assert.True(Jt808ReplyReader.TryParse(reply, out var parsed));
        Assert.Equal(Jt808MessageId.LocationReport, parsed.ReplyMessageId);
        Assert.Equal(1, parsed.ReplySerial);
        await Eventually.True(() => worker.Recorder.Received.Count == 1, "the resent record delivered once");
        Assert.Equal(1, worker.Metrics.BadFramesByReason.Values.Sum());
    }

    [Fact]
    public async Task An_unknown_device_is_refused_when_the_registry_policy_says_reject()
    {
        var registry = $$"""{"devices":[{"deviceId":"{{Imei}}","plate":"12C-123.45","vehicleClass":"truck"}]}""";
        await using var worker = await WorkerHost.StartAsync(registry, "--Telematics:Registry:UnknownDevices=Reject");
        var port = worker.PortOf("teltonika");

        await using var unknown = await RawDevice.ConnectAsync(port);
        await unknown.SendAsync(Encode(w => TeltonikaEncoder.WriteLogin(w, OtherImei)));
        Assert.Equal("00", await unknown.ReadHexAsync(1));
        Assert.True(await unknown.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));

        await using var known = await RawDevice.ConnectAsync(port);
        await known.SendAsync(Encode(w => TeltonikaEncoder.WriteLogin(w, Imei)));
        Assert.Equal("01", await known.ReadHexAsync(1));
    }

    [Fact]
    public async Task An_unknown_device_is_accepted_and_flagged_by_default()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var device = await RawDevice.ConnectAsync(worker.PortOf("teltonika"));
        await device.SendAsync(Encode(w => TeltonikaEncoder.WriteLogin(w, OtherImei)));
        Assert.Equal("01", await device.ReadHexAsync(1));

        var batch = new RecordBatch();
        batch.Add() = new DecodedRecord { TimeMs = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), Lat = 21.85, Lon = 106.76, Valid = true, Satellites = 9 };
        await device.SendAsync(Encode(w => TeltonikaEncoder.WriteAvlPacket(w, TeltonikaCodecId.Codec8, batch)));
        Assert.Equal("00000001", await device.ReadHexAsync(4));
        await Eventually.True(() => worker.Recorder.Received.Count == 1, "record delivered");
        Assert.Null(worker.Recorder.Received[0].Vehicle);
    }

    [Fact]
    public async Task A_frame_cut_off_by_the_device_closing_is_counted_and_nothing_is_acked()
    {
        await using var worker = await WorkerHost.StartAsync();
        var device = await RawDevice.ConnectAsync(worker.PortOf("gt06"));
        await device.SendAsync(Encode(w => Gt06Encoder.WriteLogin(w, "868050040000001", 1))[..8]);
        await device.DisposeAsync();

        await Eventually.True(() => worker.Metrics.BadFramesByReason.ContainsKey("truncated frame at end of stream"), "truncated frame counted");
    }

    /// <summary>A connection the server closes at once; a reset that already shows while connecting counts too.</summary>
    private static async Task<bool> IsClosedByServerAsync(int port)
    {
        try
        {
            await using var device = await RawDevice.ConnectAsync(port);
            return await device.IsClosedByServerAsync(TimeSpan.FromSeconds(5));
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
        {
            return true;
        }
    }

    private static byte[] Encode(Action<IBufferWriter<byte>> write)
    {
        var writer = new ArrayBufferWriter<byte>();
        write(writer);
        return writer.WrittenSpan.ToArray();
    }
}
