using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Telematics.Ingest.Mqtt.Client;
using Telematics.Ingest.Mqtt.Packets;
using Telematics.Rules.Positions;

namespace Telematics.Benchmarks.Mqtt;

/// <summary>
/// The load both brokers get: <c>clients</c> connections, each publishing <c>messages</c> normalised
/// JSON records on its own telematics/{device}/position topic, in batches of <c>window</c> packets.
/// QoS 0: batches written back to back, then one PINGREQ per client — its PINGRESP proves the server
/// has read everything before it. QoS 1: each batch waits for its PUBACKs. The figure is messages
/// per second from the first connect's end to the last client's finish.
/// </summary>
public static class MqttLoadGenerator
{
    public static async Task<double> RunAsync(int port, int clients, int messages, MqttQos qos, int window)
    {
        var connections = new MqttClientConnection[clients];
        for (var i = 0; i < clients; i++)
        {
            connections[i] = await MqttClientConnection.ConnectAsync("127.0.0.1", port, new MqttConnect { ClientId = DeviceId(i), KeepAliveSeconds = 600 }).ConfigureAwait(false);
        }

        var batches = Enumerable.Range(0, clients).Select(i => Encode(i, messages, qos, window)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => DriveAsync(connections[i], batches[i], qos, window)))).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var c in connections)
        {
            await c.DisconnectAsync().ConfigureAwait(false);
            await c.DisposeAsync().ConfigureAwait(false);
        }

        return clients * (double)messages / seconds;
    }

    private static async Task DriveAsync(MqttClientConnection connection, byte[][] batches, MqttQos qos, int window)
    {
        foreach (var batch in batches)
        {
            await connection.SendAsync(batch).ConfigureAwait(false);
            if (qos == MqttQos.AtLeastOnce)
            {
                for (var n = 0; n < window; n++)
                {
                    var reply = await connection.ReadPacketAsync().ConfigureAwait(false);
                    if (reply?.Type != MqttPacketType.PubAck)
                    {
                        throw new InvalidOperationException($"expected PUBACK, got {reply?.Type}");
                    }
                }
            }
        }

        await connection.SendAsync(static w => MqttPacketWriter.WritePingReq(w)).ConfigureAwait(false);
        while ((await connection.ReadPacketAsync().ConfigureAwait(false))?.Type is { } type && type != MqttPacketType.PingResp)
        {
        }
    }

    private static byte[][] Encode(int client, int messages, MqttQos qos, int window)
    {
        var device = DeviceId(client);
        var topic = Encoding.UTF8.GetBytes($"telematics/{device}/position");
        var start = DateTime.UtcNow.AddHours(-2);
        var batches = new List<byte[]>();
        var writer = new ArrayBufferWriter<byte>();
        for (var m = 0; m < messages; m++)
        {
            var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $$"""{"deviceId":"{{device}}","time":"{{PositionRecordJson.FormatTime(start.AddSeconds(m))}}","lat":{{21.85 + (m * 1e-5)}},"lon":106.76,"speedKmh":40,"heading":90,"altitudeM":250,"satellites":9,"valid":true}"""));
            MqttPacketWriter.WritePublish(writer, MqttProtocolVersion.V500, topic, payload, qos, (ushort)((m % 60_000) + 1));
            if ((m + 1) % window == 0 || m == messages - 1)
            {
                batches.Add(writer.WrittenSpan.ToArray());
                writer.ResetWrittenCount();
            }
        }

        return batches.ToArray();
    }

    private static string DeviceId(int client) => "8699" + client.ToString("D11", CultureInfo.InvariantCulture);
}
