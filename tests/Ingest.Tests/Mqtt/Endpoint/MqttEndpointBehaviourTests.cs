using System.Text;
using Telematics.Ingest.Mqtt.Client;
using Telematics.Ingest.Mqtt.Packets;
using Microsoft.Extensions.DependencyInjection;
using Telematics.Ingest.Tests.Support;
using Telematics.Ingest.Transport;

namespace Telematics.Ingest.Tests.Mqtt.Endpoint;

/// <summary>The endpoint's answers to bad input, subscriptions and reconnects, seen by our own client over loopback.</summary>
public sealed class MqttEndpointBehaviourTests
{
    [Fact]
    public async Task A_bad_payload_is_acked_with_payload_format_invalid_dead_lettered_and_the_connection_stays()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860601");
        await client.SendAsync(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "telematics/860601/position", "{\"time\":\"2025-01-01T00:00:00Z\",\"lat\":95,\"lon\":1}"u8, MqttQos.AtLeastOnce, 5));
        var ack = MqttPacketParser.ParsePublishAck((await client.ReadPacketAsync())!.Frame, MqttProtocolVersion.V500);
        Assert.Equal((ushort)5, ack.PacketId);
        Assert.Equal(MqttReasonCode.PayloadFormatInvalid, ack.ReasonCode);

        await client.SendAsync(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "telematics/860601/position", Encoding.UTF8.GetBytes(MqttTestRecords.Json("860601", 1)), MqttQos.AtLeastOnce, 6));
        Assert.Equal(MqttReasonCode.Success, MqttPacketParser.ParsePublishAck((await client.ReadPacketAsync())!.Frame, MqttProtocolVersion.V500).ReasonCode);
        await Eventually.True(() => worker.Recorder.Received.Count == 1, "the good record");
        var deadLetters = await File.ReadAllTextAsync(Path.Combine(worker.Directory, "mqtt-dead-letters.jsonl"));
        Assert.Contains("\"deviceId\":\"860601\"", deadLetters, StringComparison.Ordinal);
        Assert.Contains("value out of range", deadLetters, StringComparison.Ordinal);
        Assert.Equal(1, worker.Metrics.BadFramesByReason["value out of range"]);

        // The Devices page sees the MQTT device like a TCP one: protocol, one good message, one bad.
        var activity = worker.Services.GetRequiredService<DeviceActivity>();
        Assert.True(activity.TryGet("860601", out var seen));
        Assert.Equal(("mqtt", true, 1L, 1L), (seen.Protocol, seen.Connected, seen.Frames, seen.BadFrames));
    }

    [Fact]
    public async Task Publishing_on_another_devices_topic_is_not_authorized_and_ingests_nothing()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860602");
        await client.SendAsync(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "telematics/860699/position", Encoding.UTF8.GetBytes(MqttTestRecords.Json("860699", 1)), MqttQos.AtLeastOnce, 1));
        Assert.Equal(MqttReasonCode.NotAuthorized, MqttPacketParser.ParsePublishAck((await client.ReadPacketAsync())!.Frame, MqttProtocolVersion.V500).ReasonCode);
        Assert.Empty(worker.Recorder.Received);
    }

    [Fact]
    public async Task A_malformed_packet_closes_the_connection_with_a_disconnect_carrying_the_reason_code()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860603");
        await client.SendAsync(Convert.FromHexString("300600036162FF00"));
        var disconnect = await client.ReadPacketAsync();
        Assert.Equal(MqttPacketType.Disconnect, disconnect!.Type);
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttPacketParser.ParseDisconnect(disconnect.Frame, MqttProtocolVersion.V500).ReasonCode);
        Assert.Null(await client.ReadPacketAsync());

        // Others are unaffected.
        await using var other = await ConnectAsync(worker, "860604");
        await other.SendAsync(w => MqttPacketWriter.WritePingReq(w));
        Assert.Equal(MqttPacketType.PingResp, (await other.ReadPacketAsync())!.Type);
    }

    [Fact]
    public async Task A_remaining_length_not_in_its_fewest_bytes_closes_the_connection_with_malformed_packet()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860605");

        // PINGREQ with remaining length 0 written as 80 00.
        await client.SendAsync(Convert.FromHexString("C08000"));
        var disconnect = await client.ReadPacketAsync();
        Assert.Equal(MqttPacketType.Disconnect, disconnect!.Type);
        Assert.Equal(MqttReasonCode.MalformedPacket, MqttPacketParser.ParseDisconnect(disconnect.Frame, MqttProtocolVersion.V500).ReasonCode);
        Assert.Null(await client.ReadPacketAsync());
    }

    [Fact]
    public async Task Devices_may_subscribe_to_their_own_command_topic_only()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860605");
        await client.SendAsync(w => MqttPacketWriter.WriteSubscribe(w, MqttProtocolVersion.V500, new MqttSubscribe
        {
            PacketId = 9,
            Subscriptions = [new("telematics/860605/commands", MqttQos.ExactlyOnce), new("telematics/+/commands", MqttQos.AtLeastOnce), new("telematics/860606/commands", MqttQos.AtMostOnce)],
        }));
        var subAck = MqttPacketParser.ParseSubAck((await client.ReadPacketAsync())!.Frame, MqttProtocolVersion.V500);
        Assert.Equal([MqttReasonCode.GrantedQos1, MqttReasonCode.NotAuthorized, MqttReasonCode.NotAuthorized], subAck.ReasonCodes);
    }

    [Fact]
    public async Task A_reconnecting_client_id_takes_the_session_over_and_the_old_connection_is_told_why()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var old = await ConnectAsync(worker, "860607");
        await using var fresh = await ConnectAsync(worker, "860607");
        var disconnect = await old.ReadPacketAsync();
        Assert.Equal(MqttReasonCode.SessionTakenOver, MqttPacketParser.ParseDisconnect(disconnect!.Frame, MqttProtocolVersion.V500).ReasonCode);
        await fresh.SendAsync(w => MqttPacketWriter.WritePingReq(w));
        Assert.Equal(MqttPacketType.PingResp, (await fresh.ReadPacketAsync())!.Type);
    }

    [Fact]
    public async Task A_client_silent_past_one_and_a_half_keep_alives_is_disconnected_with_keep_alive_timeout()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860608", keepAlive: 1);
        var started = DateTime.UtcNow;
        var disconnect = await client.ReadPacketAsync();
        Assert.Equal(MqttReasonCode.KeepAliveTimeout, MqttPacketParser.ParseDisconnect(disconnect!.Frame, MqttProtocolVersion.V500).ReasonCode);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Qos2_resent_before_pubrel_is_ingested_once()
    {
        await using var worker = await WorkerHost.StartAsync();
        await using var client = await ConnectAsync(worker, "860609");
        var payload = Encoding.UTF8.GetBytes(MqttTestRecords.Json("860609", 1));
        for (var i = 0; i < 2; i++)
        {
            await client.SendAsync(w => MqttPacketWriter.WritePublish(w, MqttProtocolVersion.V500, "telematics/860609/position", payload, MqttQos.ExactlyOnce, 4, dup: i > 0));
            Assert.Equal(MqttPacketType.PubRec, (await client.ReadPacketAsync())!.Type);
        }

        await client.SendAsync(w => MqttPacketWriter.WritePublishAck(w, MqttProtocolVersion.V500, MqttPacketType.PubRel, 4));
        Assert.Equal(MqttPacketType.PubComp, (await client.ReadPacketAsync())!.Type);
        await Eventually.True(() => worker.Metrics.FramesTotal >= 1, "the message decoded");
        Assert.Equal(1, worker.Metrics.RecordsTotal);
    }

    private static Task<MqttClientConnection> ConnectAsync(WorkerHost worker, string device, ushort keepAlive = 60) =>
        MqttClientConnection.ConnectAsync("127.0.0.1", worker.Services.GetEndpoint().Port!.Value, new MqttConnect { ClientId = device, KeepAliveSeconds = keepAlive });
}
