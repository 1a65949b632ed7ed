using Telematics.Devices.Load;
using Telematics.Ingest.Tests.Support;

namespace Telematics.Ingest.Tests.Load;

/// <summary>The load generator against the real worker, briefly: every frame acked correctly, records counted on both sides.</summary>
public sealed class LoadGeneratorTests
{
    [Theory]
    [InlineData(LoadProtocol.Teltonika)]
    [InlineData(LoadProtocol.Gt06)]
    [InlineData(LoadProtocol.Jt808)]
    public async Task A_short_load_run_gets_every_frame_acked_and_its_records_into_the_pipeline(LoadProtocol protocol)
    {
        await using var worker = await WorkerHost.StartAsync(null, "--Telematics:Rules:Enabled=false");
        var settings = new LoadSettings
        {
            Protocol = protocol,
            Port = worker.PortOf(protocol.ToString().ToLowerInvariant()),
            Connections = 20,
            RecordsPerFrame = 5,
            Rate = 2_000,
            Duration = TimeSpan.FromSeconds(1),
            Warmup = TimeSpan.Zero,
        };

        var summary = await new LoadRun(settings, TextWriter.Null).RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(summary.Clean, $"ack errors {summary.AckErrors}, connect failures {summary.ConnectFailures}, disconnects {summary.Disconnects}, unacked {summary.Unacked}");
        Assert.True(summary.Records > 0);
        await Eventually.True(() => worker.Metrics.RecordsTotal >= summary.Records, "the worker counted every acked record");
    }
}
