using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Ingest.LiveState;
using Telematics.Ingest.Protocols;
using Telematics.Ingest.Protocols.Gt06;
using Telematics.Ingest.Registry;
using Telematics.Ingest.Tests.Support;
using Telematics.Ingest.Transport;

namespace Telematics.Ingest.Tests.Transport;

/// <summary>Real frames over a real connection to the worker, and what the device tracker then says.</summary>
public sealed class DeviceActivityTests
{
    private const string Imei = "868050040000042";
    private const string SilentImei = "868050040000043";

    [Fact]
    public async Task Counts_frames_and_bad_frames_of_a_device_and_shows_it_disconnected_after_it_closes()
    {
        var registry = $$"""{"devices":[{"deviceId":"{{Imei}}","plate":"12C-123.45","vehicleClass":"truck","operator":"Vận tải Đồng Đăng"},{"deviceId":"{{SilentImei}}","plate":"12C-999.99","vehicleClass":"truck"}]}""";
        await using var worker = await WorkerHost.StartAsync(registry);
        var activity = worker.Services.GetRequiredService<DeviceActivity>();
        var device = await RawDevice.ConnectAsync(worker.PortOf("gt06"));

        await device.SendAsync(Encode(w => Gt06Encoder.WriteLogin(w, Imei, 1)));
        await device.ReadHexAsync(Gt06Encoder.ReplyLength);
        for (ushort serial = 2; serial <= 3; serial++)
        {
            var record = new DecodedRecord { TimeMs = DateTimeOffset.UtcNow.AddMinutes(-5 + serial).ToUnixTimeMilliseconds(), Lat = 21.85, Lon = 106.76, Valid = true, Satellites = 9 };
            var s = serial;
            await device.SendAsync(Encode(w => Gt06Encoder.WriteLocation(w, record, s)));
            await device.ReadHexAsync(Gt06Encoder.ReplyLength);
        }

        var bad = Encode(w => Gt06Encoder.WriteLocation(w, new DecodedRecord { TimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Lat = 21.85, Lon = 106.76, Valid = true }, 4));
        bad[^3] ^= 0x01; // the CRC: refused, not acked, the connection stays open
        await device.SendAsync(bad);
        Assert.True(await device.IsSilentAsync(TimeSpan.FromMilliseconds(200)));

        await Eventually.True(() => activity.TryGet(Imei, out var a) && a.BadFrames == 1, "the bad frame counted");
        Assert.True(activity.TryGet(Imei, out var open));
        Assert.Equal("gt06", open.Protocol);
        Assert.True(open.Connected);
        Assert.Equal(3, open.Frames); // login + two locations
        Assert.StartsWith("127.0.0.1:", open.Remote, StringComparison.Ordinal);
        Assert.NotNull(open.LastFrameUtc);

        await device.DisposeAsync();
        await Eventually.True(() => activity.TryGet(Imei, out var a) && !a.Connected, "the closed connection seen");

        await Eventually.True(() => worker.Recorder.Received.Count == 2, "both records delivered");
        var listed = DeviceDirectory.List(worker.Services.GetRequiredService<DeviceRegistry>(), activity, worker.Services.GetRequiredService<LiveFleetState>());
        var row = Assert.Single(listed, r => r.DeviceId == Imei);
        Assert.Equal(("12C-123.45", "Vận tải Đồng Đăng", true, false, 3L, 1L, 2L), (row.Plate, row.Operator, row.Registered, row.Connected, row.Frames, row.BadFrames, row.Records));
        var silent = Assert.Single(listed, r => r.DeviceId == SilentImei);
        Assert.Null(silent.LastSeenUtc);
        Assert.True(silent.Registered);
    }

    [Fact]
    public async Task A_connection_that_sends_bad_bytes_before_identifying_itself_counts_as_unidentified()
    {
        await using var worker = await WorkerHost.StartAsync();
        var activity = worker.Services.GetRequiredService<DeviceActivity>();
        await using var device = await RawDevice.ConnectAsync(worker.PortOf("gt06"));
        var login = Encode(w => Gt06Encoder.WriteLogin(w, Imei, 1));
        login[^3] ^= 0x01;

        await device.SendAsync(login);

        await Eventually.True(() => activity.UnidentifiedBadFrames == 1, "the bad login counted");
        Assert.Empty(activity.Snapshot());
    }

    [Fact]
    public void Observers_hear_connections_and_bad_frames_with_their_reasons_but_not_good_frames()
    {
        var heard = new List<DeviceEvent>();
        var activity = new DeviceActivity(TimeProvider.System, [new RecordingObserver(heard)]);
        var connection = activity.Open("gt06", "127.0.0.1:50000");

        connection.BadFrame("crc mismatch");
        connection.Identify(Imei);
        connection.Frame();
        connection.Frame();
        connection.BadFrame("truncated frame at end of stream");
        connection.Close();
        connection.Close();

        Assert.Equal(
            [
                (DeviceConnectionEvent.BadFrame, (string?)null, (string?)"crc mismatch"),
                (DeviceConnectionEvent.Connected, Imei, null),
                (DeviceConnectionEvent.BadFrame, Imei, "truncated frame at end of stream"),
                (DeviceConnectionEvent.Disconnected, Imei, null),
            ],
            heard.Select(e => (e.Kind, e.DeviceId, e.Reason)));
        Assert.All(heard, e => Assert.Equal(("gt06", "127.0.0.1:50000"), (e.Protocol, e.Remote)));
    }

    private sealed class RecordingObserver(List<DeviceEvent> heard) : IDeviceEventObserver
    {
        public void OnDeviceEvent(DeviceEvent deviceEvent) => heard.Add(deviceEvent);
    }

    private static byte[] Encode(Action<IBufferWriter<byte>> write)
    {
        var writer = new ArrayBufferWriter<byte>();
        write(writer);
        return writer.WrittenSpan.ToArray();
    }
}
